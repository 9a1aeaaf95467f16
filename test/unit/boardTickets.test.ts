import fc from 'fast-check';
import path from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { businessDay } from '../../main/contract/businessDay.js';
import type { QueueTicket } from '../../main/contract/queue.js';
import { queueKeys } from '../../main/contract/queueKeys.js';
import { QueueCacheRepository } from '../../main/services/queue/queueCacheRepository.js';
import { loadQueueSnapshot } from '../../main/services/queue/queueSnapshot.js';
import { counterState, hallBoard, queueOverview } from '../../main/services/queue/queueViews.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const now = new Date('2026-11-30T06:00:00.000Z');
const day = businessDay(now, 4, 'Asia/Shanghai');
const services = ['A', 'B'] as const;

/** A ticket of today in any state; calls within a few seconds of each other, so some fall on the same millisecond. */
const ticket = fc
  .record({
    service: fc.constantFrom(...services),
    status: fc.constantFrom('waiting', 'called', 'finished', 'no_show'),
    window: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    calledMs: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    number: fc.integer({ min: 1, max: 999 }),
    // Ids in no order of their writing, so SQL cannot pick ties by chance the way the board sorts them.
    idTime: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
  })
  .map(({ service, status, window, calledMs, number, idTime }): QueueTicket => ({
    id: ulid(idTime),
    businessDay: day,
    label: `${service}${String(number).padStart(3, '0')}`,
    service,
    status: status as QueueTicket['status'],
    priority: null,
    appointmentAt: null,
    issuedAt: now.toISOString(),
    offline: false,
    targetWindow: null,
    window,
    calledAt: calledMs === null ? null : new Date(now.getTime() + calledMs * 1000).toISOString(),
    recalls: 0,
    finishedAt: null,
  }));

describe("a board's tickets picked in SQL", () => {
  it("make the same board, kiosk overview and counters' views as every ticket of the day, however they stand", async () => {
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    await migrate(db, await readMigrations(migrationsDir));
    const cache = new QueueCacheRepository(db);
    await cache.put(queueKeys.rules, null, {
      hallName: { 'zh-CN': '大厅', en: 'Hall' },
      resetHour: 4,
      timeZone: 'Asia/Shanghai',
      recallsBeforeSkip: 2,
    });
    for (const [position, code] of services.entries())
      await cache.put(queueKeys.service(code), null, { code, name: { 'zh-CN': code, en: code }, usualServiceMinutes: 8, position });
    const windows = [1, 2, 3, 4];
    try {
      await fc.assert(
        // Each window's current ticket: any of the day's (called long before the board's last calls, too) or none.
        fc.asyncProperty(
          // A day's labels are unique, as the hall numbers them: two tickets never tie in the queue's order.
          fc.uniqueArray(ticket, { maxLength: 40, size: 'max', selector: (one) => one.label }),
          fc.array(fc.option(fc.nat(), { nil: null }), { minLength: windows.length, maxLength: windows.length }),
          async (tickets, currents) => {
            await db.run("DELETE FROM queue_item WHERE item_key LIKE 'ticket:%'");
            for (const one of tickets) await cache.putTicket(one);
            for (const [index, window] of windows.entries()) {
              const current = currents[index] === null || tickets.length === 0 ? null : tickets[currents[index]! % tickets.length]!.id;
              await cache.putWindow({ window, services: ['A', 'B'], pausedReason: null, currentTicketId: current });
            }
            const [all, shown] = [await loadQueueSnapshot(db, now, 'all'), await loadQueueSnapshot(db, now, 'shown')];
            expect(hallBoard(shown)).toEqual(hallBoard(all));
            expect(queueOverview(shown)).toEqual(queueOverview(all));
            for (const window of windows) expect(counterState(shown, window)).toEqual(counterState(all, window));
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await db.close();
    }
  });
});
