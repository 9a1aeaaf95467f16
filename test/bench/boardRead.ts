import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { businessDay } from '../../main/contract/businessDay.js';
import { queueKeys } from '../../main/contract/queueKeys.js';
import { QueueCacheRepository } from '../../main/services/queue/queueCacheRepository.js';
import { loadQueueSnapshot } from '../../main/services/queue/queueSnapshot.js';
import { hallBoard } from '../../main/services/queue/queueViews.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { medianMs, report } from './measure.js';

/** A display's copy of the queue with `count` tickets today, all called and finished but the last 30, which wait. */
async function displayWith(db: Database, count: number, now: Date): Promise<void> {
  const cache = new QueueCacheRepository(db);
  const day = businessDay(now, 4, 'Asia/Shanghai');
  await db.run("DELETE FROM queue_item WHERE item_key LIKE 'ticket:%'");
  await db.transaction(async (tx) => {
    const inTx = new QueueCacheRepository(tx);
    for (let index = 0; index < count; index += 1) {
      const waiting = index >= count - 30;
      const at = new Date(now.getTime() - (count - index) * 20_000).toISOString();
      await inTx.putTicket({
        id: ulid(),
        businessDay: day,
        label: `A${String(index + 1).padStart(4, '0')}`,
        service: 'A',
        status: waiting ? 'waiting' : 'finished',
        priority: null,
        appointmentAt: null,
        issuedAt: at,
        offline: false,
        targetWindow: null,
        window: waiting ? null : 1 + (index % 60),
        calledAt: waiting ? null : at,
        recalls: 0,
        finishedAt: waiting ? null : at,
      });
    }
  });
  await cache.put(queueKeys.rules, null, {
    hallName: { 'zh-CN': '大厅', en: 'Hall' },
    resetHour: 4,
    timeZone: 'Asia/Shanghai',
    recallsBeforeSkip: 2,
  });
  await cache.put(queueKeys.service('A'), null, { code: 'A', name: { 'zh-CN': 'A', en: 'A' }, usualServiceMinutes: 8, position: 0 });
}

/**
 * A display's board read (what it does on every queue change) at the end of the busiest
 * day (1,450 tickets) against early in the day (100): the board reads only the waiting and
 * the last calls, so it should not grow with the day. Also the same read parsing every ticket, as before.
 */
export async function benchBoardRead(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-board-'));
  const db = await openDatabase(path.join(dir, 'display.db'));
  const now = new Date();
  try {
    await migrate(db, await readMigrations(migrationsDir));
    const read = (tickets: 'all' | 'shown') => medianMs(50, async () => hallBoard(await loadQueueSnapshot(db, now, tickets)));
    await displayWith(db, 100, now);
    const early = await read('shown');
    await displayWith(db, 1450, now);
    const [busy, everyTicket] = [await read('shown'), await read('all')];
    report('board read with 1 450 tickets today', busy, 'with 100 tickets', early);
    report('board read with 1 450 tickets today', busy, 'parsing every ticket of the day', everyTicket);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBoardRead();
