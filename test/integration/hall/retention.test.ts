import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const day = 86_400_000;
const idNumber = '11010519491231002X';
const citizen = { idNumber, name: '陈示例' };

describe.each(hallBackends())('retention of personal data at the hall on %s', (backend) => {
  it('keeps appointments, requests and events whole until the retention days pass, then removes their personal fields at the sweep', async () => {
    let shift = 0;
    const hall = await startLoopbackHall(backend, { now: () => Date.now() + shift, retentionDays: 180 });
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const slot = (await kiosk.slots('real-estate'))[0]!;
    const booked = await kiosk.book({ citizen, service: 'real-estate', day: slot.day, time: slot.time, phone: '13800138000' });
    const request = await kiosk.submitRequest({
      citizen,
      request: { kind: 'home-visit', reason: 'elderly', district: 'xicheng', street: 0, phone: '13900139000' },
    });
    await kiosk.push([
      { id: ulid(), seq: 1, type: 'test.counted', occurredAt: new Date().toISOString(), payload: { ticket: 'A001', score: 5 } },
    ]);

    const appointment = () =>
      hall.db.get<{ id_number: string; phone: string; status: string }>('SELECT id_number, phone, status FROM appointment WHERE code = ?', [
        booked.code,
      ]);
    const serviceRequest = () =>
      hall.db.get<{ id_number: string; name: string; details: string; kind: string }>(
        'SELECT id_number, name, details, kind FROM service_request WHERE reference = ?',
        [request.reference],
      );
    const event = () =>
      hall.db.get<{ payload: string; type: string }>("SELECT payload, type FROM terminal_event WHERE terminal_id = 'K-01'");

    // Remote care: a screenshot and log lines fetched now, and others 165 days on (5 days before the next sweep).
    const careCommand = (id: string, at: number) =>
      hall.db.run(
        `INSERT INTO care_command (id, terminal_id, action, lines, requested_by, requested_at, expires_at, state, finished_at, message, log_lines, png)
         VALUES (?, 'K-01', 'screenshot', 0, 'test-staff', ?, ?, 'done', ?, 'ok', '["a line"]', 'iVBORw0KGgo=')`,
        [id, new Date(at).toISOString(), new Date(at + day).toISOString(), new Date(at).toISOString()],
      );
    await careCommand('old', Date.now());
    await careCommand('recent', Date.now() + 165 * day);
    const care = () =>
      hall.db.all<{ id: string; png: string | null; log_lines: string | null; requested_by: string }>(
        'SELECT id, png, log_lines, requested_by FROM care_command ORDER BY id',
      );

    // 170 days on, the hall restarts (and sweeps): no appointment, request or event is old enough yet; the first screenshot is.
    shift = 170 * day;
    await hall.stopServing();
    await hall.start();
    expect(await appointment()).toMatchObject({ id_number: idNumber, phone: '13800138000' });
    expect(await serviceRequest()).toMatchObject({ id_number: idNumber, name: '陈示例' });
    expect(JSON.parse((await serviceRequest())!.details)).toMatchObject({ phone: '13900139000', district: 'xicheng' });
    expect(JSON.parse((await event())!.payload)).toEqual({ ticket: 'A001', score: 5 });
    expect(await care()).toEqual([
      { id: 'old', png: null, log_lines: null, requested_by: 'test-staff' },
      { id: 'recent', png: 'iVBORw0KGgo=', log_lines: '["a line"]', requested_by: 'test-staff' },
    ]);

    // 200 days on: past the 180 days, the personal fields are gone; what the statistics and progress lookups need stays.
    shift = 200 * day;
    await hall.stopServing();
    await hall.start();
    expect(await appointment()).toEqual({ id_number: '110***********002X', phone: '', status: expect.any(String) });
    expect(await serviceRequest()).toEqual({ id_number: '110***********002X', name: '', details: '{}', kind: 'home-visit' });
    expect(await event()).toEqual({ payload: '{}', type: 'test.counted' });
    for (const table of ['appointment', 'service_request', 'terminal_event']) {
      const rows = await hall.db.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
      expect(JSON.stringify(rows)).not.toContain(idNumber);
      expect(JSON.stringify(rows)).not.toMatch(/13800138000|13900139000|陈示例/);
    }
  });
});
