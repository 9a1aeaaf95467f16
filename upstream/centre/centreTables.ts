import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Cell, FigureTable } from '../statistics/figureTables.js';
import { waitBucketLabels } from '../statistics/figuresSchema.js';
import type { DistrictFigures, DistrictRow, HallNow } from './centreFigures.js';

const rowHeaders = [
  '到达 Arrivals',
  '已办 Served',
  '过号 No-shows',
  '转出 Transferred',
  '服务水平% Service level',
  '平均等候(分) Avg wait',
  '评价 Ratings',
  '平均分 Avg score',
  '差评 Bad ratings',
];
const rowCells = (row: DistrictRow): Cell[] => [
  row.arrivals,
  row.served,
  row.noShows,
  row.transferred,
  row.serviceLevel,
  row.waitAverage,
  row.ratings,
  row.averageScore,
  row.badRatings,
];

/** A hall is shown offline when it has not reported for this long (several of its 30 s rounds). */
export const hallQuietMs = 120_000;

/** The halls now, side by side, and the district's sum; then every table of the range (minutes and % to 0.1). */
export function centreTables(now: readonly HallNow[], figures: DistrictFigures, at: Date, timeZone: string): FigureTable[] {
  const clock = (iso: string | null) => (iso === null ? null : format(new TZDate(Date.parse(iso), timeZone), 'MM-dd HH:mm:ss'));
  const online = (hall: HallNow) => hall.reportedAt !== null && at.getTime() - Date.parse(hall.reportedAt) <= hallQuietMs;
  const sum = (pick: (hall: HallNow) => number | undefined) => now.reduce((total, hall) => total + (pick(hall) ?? 0), 0);
  const longest = Math.max(-1, ...now.map((hall) => hall.live?.longestWaitMinutes ?? -1));
  return [
    {
      name: 'now',
      title: '此刻 Now',
      headers: [
        '大厅 Hall',
        '状态 Status',
        '上报 Reported',
        '等候 Waiting',
        '最长等候(分) Longest wait',
        '办理中 Serving',
        '今日已办 Served today',
        '今日服务水平% Service level today',
        '终端离线 Terminals offline',
        '告警终端 Alerting',
      ],
      rows: [
        ...now.map((hall): Cell[] => [
          hall.name,
          online(hall) ? '在线 online' : '离线 offline',
          clock(hall.reportedAt),
          hall.live?.waiting ?? null,
          hall.live?.longestWaitMinutes ?? null,
          hall.live?.serving ?? null,
          hall.live?.served ?? null,
          hall.live?.serviceLevel ?? null,
          hall.health ? `${hall.health.offline}/${hall.health.terminals}` : null,
          hall.health
            ? hall.health.alerting.map((terminal) => `${terminal.terminalId}: ${terminal.alerts.join(', ')}`).join('; ') || '0'
            : null,
        ]),
        [
          '全区 District',
          `${now.filter(online).length}/${now.length} 在线 online`,
          null,
          sum((hall) => hall.live?.waiting),
          longest < 0 ? null : longest,
          sum((hall) => hall.live?.serving),
          sum((hall) => hall.live?.served),
          null,
          `${sum((hall) => hall.health?.offline)}/${sum((hall) => hall.health?.terminals)}`,
          String(sum((hall) => hall.health?.alerting.length)),
        ],
      ],
    },
    {
      name: 'halls',
      title: '各大厅对比 Halls side by side',
      headers: ['大厅 Hall', ...rowHeaders],
      rows: [...figures.halls.map((hall) => [hall.name, ...rowCells(hall)]), ['全区合计 District total', ...rowCells(figures.total)]],
    },
    {
      name: 'services',
      title: '全区各事项 Services, district',
      headers: ['事项 Service', ...rowHeaders],
      rows: figures.services.map((row) => [row.service, ...rowCells(row)]),
    },
    {
      name: 'waits',
      title: '等候时长分布（分钟）Wait distribution (min)',
      headers: ['大厅 Hall', ...waitBucketLabels],
      rows: [...figures.halls.map((hall) => [hall.name, ...hall.waitBuckets]), ['全区合计 District total', ...figures.total.waitBuckets]],
    },
    {
      name: 'days',
      title: '全区每日 Days, district',
      headers: ['日期 Day', ...rowHeaders],
      rows: figures.days.map((row) => [row.day, ...rowCells(row)]),
    },
  ];
}
