import { z } from 'zod';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { hallRoute, type HallApp } from '../http/hallRoute.js';
import type { QueueContext } from '../queue/queueContext.js';
import { dashboardPage, dashboardPaths } from './dashboardPage.js';
import { tableCsv, tablesXlsx } from './exportFiles.js';
import { chartNames, chartSvg, type ChartName } from './figureCharts.js';
import { figuresQuerySchema, figuresSchema } from './figuresSchema.js';
import { figureTables } from './figureTables.js';
import { hallFigures } from './hallFigures.js';
import { liveFigures, liveFiguresSchema } from './liveFigures.js';

const tableNames = ['total', 'services', 'windows', 'hours', 'days', 'waits', 'appointments', 'kiosk'] as const;

/** The dashboard's routes, all behind the staff login: the page, its figures, charts, tables and their exports. */
export function registerStatisticsRoutes(app: HallApp, parts: { queue: QueueContext; config: HallQueue }): void {
  const { queue, config } = parts;
  const figures = (range: z.output<typeof figuresQuerySchema>) => {
    const today = queue.today();
    return hallFigures(queue.db, config, range.from ?? today, range.to ?? range.from ?? today, queue.now());
  };
  const tables = async (range: z.output<typeof figuresQuerySchema>) => figureTables(await figures(range), config);

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.page,
    access: { staff: ['supervisor'] },
    summary: "The supervisor's dashboard: live figures, charts and tables for a date range, CSV and XLSX exports",
    query: figuresQuerySchema,
    html: true,
    handler: ({ query, reply }) => {
      const today = queue.today();
      return reply
        .type('text/html; charset=utf-8')
        .send(dashboardPage(config, { from: query.from ?? today, to: query.to ?? query.from ?? today }));
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.figures,
    access: { staff: ['supervisor'] },
    summary: "The hall's figures for business days from..to (default today): per service, window, hour and day",
    query: figuresQuerySchema,
    response: figuresSchema,
    handler: ({ query }) => figures(query),
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.live,
    access: { staff: ['supervisor'] },
    summary: 'The hall now: waiting, longest wait, counters serving, paused, idle; the service level so far today',
    response: liveFiguresSchema,
    handler: () => liveFigures(queue.db, config, queue.today(), queue.now()),
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.tables,
    access: { staff: ['supervisor'] },
    summary: "The dashboard's tables for a date range, as shown",
    query: figuresQuerySchema,
    handler: ({ query }) => tables(query),
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.chart(':name'),
    access: { staff: ['supervisor'] },
    summary: `A chart of a date range as SVG (${chartNames.join(', ')})`,
    query: figuresQuerySchema,
    handler: async ({ params, query, reply }) => {
      const name = z.enum(chartNames).safeParse(params.name);
      if (!name.success) return reply.code(404).send({ error: { code: 'not_found', message: `no chart "${params.name}"` } });
      return reply.type('image/svg+xml; charset=utf-8').send(await chartSvg(name.data as ChartName, await figures(query), config));
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.csv(':table'),
    access: { staff: ['supervisor'] },
    summary: `One table of a date range as CSV (${tableNames.join(', ')})`,
    query: figuresQuerySchema,
    handler: async ({ params, query, reply }) => {
      const table = (await tables(query)).find((candidate) => candidate.name === params.table);
      if (!table) return reply.code(404).send({ error: { code: 'not_found', message: `no table "${params.table}"` } });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${table.name}-${query.from ?? queue.today()}.csv"`)
        .send(tableCsv(table));
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: dashboardPaths.xlsx,
    access: { staff: ['supervisor'] },
    summary: 'Every table of a date range as one XLSX workbook, a sheet per table',
    query: figuresQuerySchema,
    handler: async ({ query, reply }) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="figures-${query.from ?? queue.today()}.xlsx"`)
        .send(await tablesXlsx(await tables(query))),
  });
}
