import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Database } from '../../lib/sqlite/database.js';
import { figuresQuerySchema } from '../statistics/figuresSchema.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { tableCsv, tablesXlsx } from '../statistics/exportFiles.js';
import { chartFont, echartsSvg } from '../statistics/figureCharts.js';
import { CentreEnrolmentError, type CentreHalls } from './centreHalls.js';
import { districtFigures, districtFiguresSchema, hallsNow, hallNowSchema, type DistrictFigures } from './centreFigures.js';
import { centreDashboardPage, centreDashboardPaths, waitPage } from './centrePages.js';
import {
  centreEnrolAnswerSchema,
  centreEnrolRequestSchema,
  centrePaths,
  centreReportAnswerSchema,
  centreReportSchema,
} from './centreProtocol.js';
import { takeReport } from './centreReports.js';
import { centreTables } from './centreTables.js';
import { z } from 'zod';

export interface CentreRouteParts {
  db: Database;
  halls: CentreHalls;
  timeZone: string;
  now: () => Date;
}

/** Guessing enrolment codes: this many tries a minute from one address, then 429. */
const enrolAttemptsPerMinute = 10;

function charts(figures: DistrictFigures) {
  const base = {
    animation: false,
    textStyle: chartFont,
    grid: { left: 56, right: 56, top: 56, bottom: 48 },
    legend: { top: 8, textStyle: chartFont },
  };
  const title = (text: string) => ({ text, left: 'center', bottom: 0, textStyle: { ...chartFont, fontSize: 15 } });
  return [
    {
      name: '各大厅到达与已办 Arrivals and served per hall',
      option: {
        ...base,
        title: title('各大厅到达、已办与服务水平 Arrivals, served and service level per hall'),
        xAxis: { type: 'category', data: figures.halls.map((hall) => hall.name) },
        yAxis: [
          { type: 'value', minInterval: 1 },
          { type: 'value', min: 0, max: 100, name: '%' },
        ],
        series: [
          { name: '到达 Arrivals', type: 'bar', barMaxWidth: 48, data: figures.halls.map((hall) => hall.arrivals) },
          { name: '已办 Served', type: 'bar', barMaxWidth: 48, data: figures.halls.map((hall) => hall.served) },
          { name: '服务水平% Service level', type: 'line', yAxisIndex: 1, data: figures.halls.map((hall) => hall.serviceLevel) },
        ],
      },
    },
    {
      name: '全区每日到达 District arrivals per day',
      option: {
        ...base,
        title: title('全区每日到达与平均等候 District arrivals and mean wait per day'),
        xAxis: { type: 'category', data: figures.days.map((day) => day.day) },
        yAxis: [
          { type: 'value', minInterval: 1 },
          { type: 'value', name: '分 min' },
        ],
        series: [
          { name: '到达 Arrivals', type: 'bar', barMaxWidth: 48, data: figures.days.map((day) => day.arrivals) },
          { name: '平均等候 Mean wait', type: 'line', yAxisIndex: 1, data: figures.days.map((day) => day.waitAverage) },
        ],
      },
    },
  ];
}

/** The centre's routes: a hall enrols and reports (signed); staff read the district; anyone reads the current waits. */
export function registerCentreRoutes(app: HallApp, parts: CentreRouteParts): void {
  const today = () => format(new TZDate(parts.now().getTime(), parts.timeZone), 'yyyy-MM-dd');
  const rangeOf = (query: { from?: string | undefined; to?: string | undefined }) => ({
    from: query.from ?? today(),
    to: query.to ?? query.from ?? today(),
  });
  const tablesFor = async (range: { from: string; to: string }) => {
    const figures = await districtFigures(parts.db, range.from, range.to);
    return { figures, tables: centreTables(await hallsNow(parts.db), figures, parts.now(), parts.timeZone) };
  };

  hallRoute(app, {
    method: 'POST',
    url: centrePaths.enrol,
    access: 'public',
    summary: 'A hall trades its one-time code for its id and secret at this centre (onewindow hall link-centre)',
    body: centreEnrolRequestSchema,
    response: centreEnrolAnswerSchema,
    rateLimit: { max: enrolAttemptsPerMinute, timeWindow: '1 minute' },
    handler: async ({ body, reply }) => {
      try {
        return await parts.halls.enrol(body.code);
      } catch (error) {
        if (error instanceof CentreEnrolmentError) return refuse(reply, 401, 'enrolment_refused', error.message);
        throw error;
      }
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: centrePaths.report,
    access: { halls: 'enrolled' },
    summary: "A hall's report: the hours its outbox holds (in order), its figures now and its terminals' health",
    body: centreReportSchema,
    response: centreReportAnswerSchema,
    // 1 000 hours and the figures now are well under this; it is read before the signature is checked.
    bodyLimit: 2 * 1024 * 1024,
    handler: async ({ body, request }) => ({ acknowledged: await takeReport(parts.db, request.hallId!, body, parts.now()) }),
  });

  hallRoute(app, {
    method: 'GET',
    url: centrePaths.figures,
    access: { staff: ['supervisor'] },
    summary: "The district's figures for a range of business days: each hall, service and day, and the total",
    query: figuresQuerySchema,
    response: districtFiguresSchema,
    handler: ({ query }) => {
      const range = rangeOf(query);
      return districtFigures(parts.db, range.from, range.to);
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: centrePaths.wait,
    access: 'public',
    summary: 'The current wait at every hall, per service, as last reported',
    response: z.array(
      hallNowSchema
        .pick({ hallId: true, name: true, reportedAt: true, services: true })
        .extend({ waits: z.array(z.object({ service: z.string(), waiting: z.number(), longestWaitMinutes: z.number().nullable() })) }),
    ),
    handler: async () =>
      (await hallsNow(parts.db)).map((hall) => ({
        hallId: hall.hallId,
        name: hall.name,
        reportedAt: hall.reportedAt,
        services: hall.services,
        waits: hall.live?.services ?? [],
      })),
  });

  hallRoute(app, {
    method: 'GET',
    url: centrePaths.waitPage,
    access: 'public',
    summary: 'The public page of the current wait at every hall',
    html: true,
    handler: async ({ reply }) =>
      reply
        .type('text/html; charset=utf-8')
        .send(waitPage(await hallsNow(parts.db), parts.now(), format(new TZDate(parts.now().getTime(), parts.timeZone), 'HH:mm'))),
  });

  hallRoute(app, {
    method: 'GET',
    url: centreDashboardPaths.page,
    access: { staff: ['supervisor'] },
    summary: 'The command centre: every hall now and side by side over a range, with the district total',
    query: figuresQuerySchema,
    html: true,
    handler: async ({ query, reply }) => {
      const range = rangeOf(query);
      const { figures, tables } = await tablesFor(range);
      const drawn = await Promise.all(charts(figures).map(async (chart) => ({ name: chart.name, svg: await echartsSvg(chart.option) })));
      return reply.type('text/html; charset=utf-8').send(centreDashboardPage(tables, drawn, range));
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: centreDashboardPaths.csv(':table'),
    access: { staff: ['supervisor'] },
    summary: 'One table of the command centre as CSV (now, halls, services, waits, days)',
    query: figuresQuerySchema,
    handler: async ({ params, query, reply }) => {
      const range = rangeOf(query);
      const table = (await tablesFor(range)).tables.find((candidate) => candidate.name === params.table);
      if (!table) return refuse(reply, 404, 'not_found', `no table "${params.table}": now, halls, services, waits or days`);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="district-${table.name}-${range.from}-${range.to}.csv"`)
        .send(tableCsv(table));
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: centreDashboardPaths.xlsx,
    access: { staff: ['supervisor'] },
    summary: 'Every table of the command centre as one XLSX workbook',
    query: figuresQuerySchema,
    handler: async ({ query, reply }) => {
      const range = rangeOf(query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="district-${range.from}-${range.to}.xlsx"`)
        .send(await tablesXlsx((await tablesFor(range)).tables));
    },
  });
}
