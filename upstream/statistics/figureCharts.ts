import type * as Echarts from 'echarts';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { waitBucketLabels, type Figures } from './figuresSchema.js';

export const chartNames = ['arrivals', 'waits', 'service-level', 'ratings'] as const;
export type ChartName = (typeof chartNames)[number];

const font = { fontFamily: "'Noto Sans SC', sans-serif", fontSize: 14 };

function options(name: ChartName, figures: Figures, queue: HallQueue): Echarts.EChartsCoreOption {
  const serviceName = (code: string) => queue.services.find((service) => service.code === code)?.name['zh-CN'] ?? code;
  const base = {
    animation: false,
    textStyle: font,
    grid: { left: 56, right: 24, top: 56, bottom: 40 },
    legend: { top: 8, textStyle: font },
  };
  switch (name) {
    case 'arrivals': {
      const hours = figures.hours.map((row) => `${String(row.hour).padStart(2, '0')}:00`);
      return {
        ...base,
        title: { text: '每小时到达与办结 Arrivals vs served per hour', left: 'center', bottom: 0, textStyle: { ...font, fontSize: 15 } },
        xAxis: { type: 'category', data: hours },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '到达 Arrivals', type: 'bar', barMaxWidth: 56, data: figures.hours.map((row) => row.arrivals) },
          { name: '办结 Served', type: 'line', data: figures.hours.map((row) => row.finished) },
        ],
      };
    }
    case 'waits':
      return {
        ...base,
        title: { text: '等候时长分布（分钟）Wait distribution (min)', left: 'center', bottom: 0, textStyle: { ...font, fontSize: 15 } },
        xAxis: { type: 'category', data: [...waitBucketLabels] },
        yAxis: { type: 'value', minInterval: 1 },
        series: figures.services.map((row) => ({
          name: `${row.service} ${serviceName(row.service)}`,
          type: 'bar',
          barMaxWidth: 56,
          stack: 'all',
          data: row.waitBuckets,
        })),
      };
    case 'service-level':
      return {
        ...base,
        title: { text: '服务水平（目标等候内叫号 %）Service level', left: 'center', bottom: 0, textStyle: { ...font, fontSize: 15 } },
        xAxis: {
          type: 'category',
          data: figures.services.map((row) => `${row.service} ${serviceName(row.service)} (≤${row.targetWaitMinutes}′)`),
        },
        yAxis: { type: 'value', max: 100 },
        series: [
          {
            name: '服务水平 %',
            type: 'bar',
            barMaxWidth: 56,
            data: figures.services.map((row) => row.serviceLevel ?? 0),
            label: { show: true, position: 'top' },
          },
        ],
      };
    case 'ratings':
      return {
        ...base,
        title: { text: '评价走势 Ratings trend', left: 'center', bottom: 0, textStyle: { ...font, fontSize: 15 } },
        xAxis: { type: 'category', data: figures.days.map((row) => row.day) },
        yAxis: [
          { type: 'value', min: 1, max: 5, name: '平均分' },
          { type: 'value', minInterval: 1, name: '差评' },
        ],
        series: [
          { name: '平均分 Avg score', type: 'line', data: figures.days.map((row) => row.averageScore) },
          { name: '差评 Bad ratings', type: 'bar', barMaxWidth: 56, yAxisIndex: 1, data: figures.days.map((row) => row.badRatings) },
        ],
      };
  }
}

/** A chart of the figures as SVG, drawn by ECharts on the server (no canvas, no browser). */
export function chartSvg(name: ChartName, figures: Figures, queue: HallQueue): Promise<string> {
  return echartsSvg(options(name, figures, queue));
}

/** Any ECharts option as SVG, server-side, in the pages' CJK font. */
export async function echartsSvg(option: Echarts.EChartsCoreOption): Promise<string> {
  // Loaded on the first chart: ECharts takes over a second to load, and every `onewindow hall` command would pay it.
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 880, height: 380 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The charts' text style: the bundled CJK font. */
export const chartFont = font;
