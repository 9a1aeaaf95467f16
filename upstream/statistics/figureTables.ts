import type { HallQueue } from '../../main/contract/hallQueue.js';
import { waitBucketLabels, type FigureRow, type Figures } from './figuresSchema.js';

export type Cell = string | number | null;
/** One table of the dashboard, as shown, exported to CSV and to a sheet of the XLSX. */
export interface FigureTable {
  name: string;
  title: string;
  headers: string[];
  rows: Cell[][];
}

const rowHeaders = [
  '到达 Arrivals',
  '已办 Served',
  '过号 No-shows',
  '转出 Transferred',
  '等候中 Waiting',
  '服务水平% Service level',
  '平均等候 Avg wait',
  '等候中位 Wait median',
  '等候P90 Wait p90',
  '办理中位 Service median',
  '办理P90 Service p90',
  '评价 Ratings',
  '平均分 Avg score',
  '差评 Bad ratings',
];
const rowCells = (row: FigureRow): Cell[] => [
  row.arrivals,
  row.served,
  row.noShows,
  row.transferred,
  row.waiting,
  row.serviceLevel,
  row.waitAverage,
  row.waitMedian,
  row.waitP90,
  row.serviceMedian,
  row.serviceP90,
  row.ratings,
  row.averageScore,
  row.badRatings,
];
const pauseReasons = ['break', 'meal', 'meeting', 'consultation', 'other'] as const;

/** Every table of the figures (minutes to 0.1; percentages to 0.1). */
export function figureTables(figures: Figures, queue: HallQueue): FigureTable[] {
  const name = (code: string) => queue.services.find((service) => service.code === code)?.name['zh-CN'] ?? code;
  return [
    {
      name: 'total',
      title: '合计 Total',
      headers: ['范围 Range', ...rowHeaders],
      rows: [[`${figures.from}–${figures.to}`, ...rowCells(figures.total)]],
    },
    {
      name: 'services',
      title: '按业务 By service',
      headers: ['业务 Service', '目标等候 Target wait', ...rowHeaders],
      rows: figures.services.map((row) => [`${row.service} ${name(row.service)}`, row.targetWaitMinutes, ...rowCells(row)]),
    },
    {
      name: 'windows',
      title: '按窗口 By window',
      headers: [
        '窗口 Window',
        ...rowHeaders,
        '忙碌(分) Busy min',
        '可用(分) Available min',
        '利用率% Utilisation',
        ...pauseReasons.map((r) => `暂停 ${r} (min)`),
      ],
      rows: figures.windows.map((row) => [
        row.window,
        ...rowCells(row),
        row.busyMinutes,
        row.availableMinutes,
        row.utilisation,
        ...pauseReasons.map((reason) => row.pausedMinutes[reason] ?? 0),
      ]),
    },
    {
      name: 'hours',
      title: '按时段 By hour',
      headers: ['时 Hour', ...rowHeaders, '该时办结 Finished in hour'],
      rows: figures.hours.map((row) => [`${String(row.hour).padStart(2, '0')}:00`, ...rowCells(row), row.finished]),
    },
    {
      name: 'days',
      title: '按日 By day',
      headers: ['日期 Day', ...rowHeaders],
      rows: figures.days.map((row) => [row.day, ...rowCells(row)]),
    },
    {
      name: 'waits',
      title: '等候时长分布 Wait distribution (min)',
      headers: ['业务 Service', ...waitBucketLabels],
      rows: [
        ...figures.services.map((row) => [`${row.service} ${name(row.service)}`, ...row.waitBuckets]),
        ['合计 Total', ...figures.total.waitBuckets],
      ],
    },
    {
      name: 'appointments',
      title: '预约 Appointments',
      headers: [
        '业务 Service',
        '预约 Booked',
        '签到 Checked in',
        '爽约 No-shows',
        '取消 Cancelled',
        '爽约率% No-show rate',
        '准时 On time',
        '迟到 Late',
        '平均迟到(分) Avg late',
      ],
      rows: figures.appointments.map((row) => [
        `${row.service} ${name(row.service)}`,
        row.booked,
        row.checkedIn,
        row.noShows,
        row.cancelled,
        row.noShowRate,
        row.onTime,
        row.late,
        row.averageLateMinutes,
      ]),
    },
    {
      name: 'kiosk',
      title: '自助终端使用 Kiosk use',
      headers: ['用途 Use', '业务/类型 Service/kind', '次数 Count'],
      rows: figures.kiosk.map((row) => [
        row.use,
        row.use === 'ticket' || row.use === 'booking' ? `${row.service} ${name(row.service)}` : row.service,
        row.count,
      ]),
    },
  ];
}
