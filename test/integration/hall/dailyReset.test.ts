import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { QueueContext } from '../../../upstream/queue/queueContext.js';
import { TicketIssuer } from '../../../upstream/queue/ticketIssuer.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('the daily reset on %s', (backend) => {
  async function issuerAt(clock: { now: Date }): Promise<{ db: Database; issuer: TicketIssuer }> {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const queue = new QueueContext(
      hall.db,
      await readHallQueue(),
      new ChangeLog(hall.db),
      () => clock.now,
      () => undefined,
    );
    return { db: hall.db, issuer: new TicketIssuer(queue) };
  }

  it('numbers start again at the reset hour (04:00 Shanghai); the earlier day stays in the history', async () => {
    const clock = { now: new Date('2026-11-24T19:30:00Z') }; // 03:30 on the 25th in Shanghai: still the 24th's business day
    const { db, issuer } = await issuerAt(clock);
    const take = async () => (await issuer.issue('K-01', { id: ulid(), service: 'A', priority: null, appointmentAt: null })).ticket;
    expect(await take()).toMatchObject({ label: 'A001', businessDay: '2026-11-24' });
    expect(await take()).toMatchObject({ label: 'A002', businessDay: '2026-11-24' });
    clock.now = new Date('2026-11-24T20:00:00Z'); // 04:00
    expect(await take()).toMatchObject({ label: 'A001', businessDay: '2026-11-25' });
    const block = await issuer.leaseBlock('K-01', 'A', 5);
    expect(block).toEqual({ service: 'A', businessDay: '2026-11-25', first: 800, last: 804 });
    const days = await db.all<{ business_day: string; count: number }>(
      'SELECT business_day, COUNT(*) AS count FROM queue_ticket GROUP BY business_day ORDER BY business_day',
    );
    expect(days).toEqual([
      { business_day: '2026-11-24', count: 2 },
      { business_day: '2026-11-25', count: 1 },
    ]);
  });

  it("refuses a number past the day's range, and the refusal writes nothing", async () => {
    const clock = { now: new Date('2026-11-25T02:00:00Z') };
    const { db, issuer } = await issuerAt(clock);
    await issuer.leaseBlock('K-01', 'B', 100);
    await issuer.leaseBlock('K-01', 'B', 100);
    await expect(issuer.leaseBlock('K-01', 'B', 1)).rejects.toMatchObject({ code: 'numbers_exhausted' });
    expect(await db.get<{ count: number }>("SELECT COUNT(*) AS count FROM queue_block WHERE service = 'B'")).toEqual({ count: 2 });
  });
});

describe.each(hallBackends())('appointment no-shows on %s', (backend) => {
  it('an appointment not checked in by the end of its window is recorded as a no-show and can no longer check in', async () => {
    const { AppointmentBook } = await import('../../../upstream/appointments/appointmentBook.js');
    const { appointmentsSoon } = await import('../../support/appointmentsSoon.js');
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const clock = { now: new Date() };
    const queue = new QueueContext(
      hall.db,
      await readHallQueue(),
      new ChangeLog(hall.db),
      () => clock.now,
      () => undefined,
    );
    const book = new AppointmentBook(queue, new TicketIssuer(queue), await appointmentsSoon(10));
    const [slot] = await book.slots('hall-service');
    const citizen = { idNumber: '11010519491231002X', name: '王小明' };
    const booked = await book.book('K-01', 'hall-service', slot!.day, slot!.time, citizen, '13800138000');
    expect(await book.recordNoShows()).toBe(0);
    clock.now = new Date(Date.parse(slot!.startsAt) + 16 * 60_000);
    expect(await book.recordNoShows()).toBe(1);
    expect((await book.mine(citizen)).find((appointment) => appointment.code === booked.code)?.status).toBe('no_show');
    await expect(book.checkIn('K-01', booked.code, citizen)).rejects.toMatchObject({ code: 'not_booked' });
  });
});
