import ExcelJS from 'exceljs';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient } from '../../../main/sync/hallClient.js';
import { figuresSchema } from '../../../upstream/statistics/figuresSchema.js';
import { liveFiguresSchema } from '../../../upstream/statistics/liveFigures.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('the dashboard routes on %s', (backend) => {
  it('give the figures, live state, charts, and every table as CSV and XLSX, to logged-in staff only', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const counter = new HallClient(await hall.enroll('C-03', { role: 'counter', window: 3 }));
    for (const service of ['A', 'A', 'B']) await kiosk.issueTicket({ id: ulid(), service, priority: null, appointmentAt: null });
    await counter.counter(3, { action: 'call-next' });
    await counter.counter(3, { action: 'finish' });
    await counter.counter(3, { action: 'call-next' });
    const cookie = await hall.staffCookie();
    const get = (path: string) => fetch(`${hall.url}${path}`, { headers: { cookie } });

    const figures = figuresSchema.parse(await (await get('/dashboard/figures')).json());
    expect(figures.total).toMatchObject({ arrivals: 3, served: 1, waiting: 1, called: 2 });
    expect(figures.kiosk).toEqual([
      { use: 'ticket', service: 'A', count: 2 },
      { use: 'ticket', service: 'B', count: 1 },
    ]);
    const live = liveFiguresSchema.parse(await (await get('/dashboard/live')).json());
    expect(live).toMatchObject({ waiting: 1, serving: 1, served: 1, businessDay: figures.from });
    expect(live.longestWaitMinutes).toBeGreaterThanOrEqual(0);

    const day = figures.from;
    const range = `?from=${day}&to=${day}`;
    expect((await get(`/dashboard/figures?from=${day}&to=2020-01-01`)).status).toBe(400);
    const svg = await get(`/dashboard/charts/arrivals.svg${range}`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg[\s\S]*每小时到达与办结/);
    expect((await get('/dashboard/charts/nothing.svg')).status).toBe(404);

    const tables = (await (await get(`/dashboard/tables${range}`)).json()) as { name: string; rows: unknown[][] }[];
    expect(tables.map((table) => table.name)).toEqual(['total', 'services', 'windows', 'hours', 'days', 'waits', 'appointments', 'kiosk']);
    const bytes = Buffer.from(await (await get(`/dashboard/export/services.csv${range}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^业务 Service,目标等候 Target wait,到达 Arrivals,已办 Served/);
    expect(csv.split('\r\n')[1]).toMatch(/^A 综合受理,15,2,1,/);
    for (const table of tables) expect((await get(`/dashboard/export/${table.name}.csv${range}`)).status).toBe(200);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await get(`/dashboard/export/figures.xlsx${range}`)).arrayBuffer()) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(tables.map((table) => table.name));
    // Row 1 the title, row 2 the headers; numbers stay numbers.
    expect((workbook.getWorksheet('services')!.getRow(3).values as unknown[]).slice(1, 9)).toEqual(['A 综合受理', 15, 2, 1, 0, 0, 0, 100]);

    for (const path of ['/dashboard/figures', '/dashboard/live', `/dashboard/export/figures.xlsx${range}`]) {
      expect((await fetch(`${hall.url}${path}`)).status).toBe(401);
    }
  });
});
