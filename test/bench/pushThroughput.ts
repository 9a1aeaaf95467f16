import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { HallClient, type TerminalIdentity } from '../../main/sync/hallClient.js';
import { OutboxPusher } from '../../main/sync/outboxPusher.js';
import { OutboxRepository } from '../../main/store/outboxRepository.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { directEnroller, startHallProcess } from '../support/hallProcess.js';
import { insertRows } from '../../lib/sqlite/batchStatements.js';
import type { OutboxEvent } from '../../main/contract/syncProtocol.js';

const events = Number(process.env.BENCH_PUSH_EVENTS ?? 100_000);
const batch = 500;

/**
 * Draining an outbox backlog to a real hall server on loopback (signed
 * requests, validation, dedup, ordered apply, deletes on the terminal)
 * against raw batched sqlite inserts of the same rows on the same machine.
 * The hall runs as it does in a hall, in its own process (the built
 * `onewindow hall`); the figure with it in the terminal's process is kept.
 */
export async function benchPushThroughput(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
  const ownProcess = await startHallProcess(path.join(dir, 'hall.db'), dir);
  const enroller = await directEnroller(path.join(dir, 'hall.db'), dir);
  const inProcess = await startLoopbackHall();
  const outbox = async (name: string) => {
    const db = await openDatabase(path.join(dir, name));
    await migrate(db, await readMigrations(migrationsDir));
    await db.transaction(async (tx) => {
      const outbox = new OutboxRepository(tx);
      for (let index = 0; index < events; index += 1) await outbox.append('bench.counted', { index, note: '排队取号 ticket' });
    });
    return db;
  };
  const drainMs = async (db: Database, identity: TerminalIdentity) => {
    const pusher = new OutboxPusher({ db, client: new HallClient(identity), logger: pino({ level: 'silent' }), batchSize: batch });
    const start = performance.now();
    await pusher.drain();
    const elapsed = performance.now() - start;
    await db.close();
    return elapsed;
  };
  const first = await outbox('terminal.db');
  const rows = await new OutboxRepository(first).pending(events);
  const second = await outbox('terminal-2.db');
  // The disk is shared with whatever else runs: the baseline is the faster of a run before and one after the drains.
  const rawBefore = await rawInsertMs(path.join(dir, 'raw-before.db'), rows);
  const pushMs = await drainMs(first, await enroller.enroll('K-BENCH', { role: 'kiosk' }, ownProcess.url));
  const inProcessMs = await drainMs(second, await inProcess.enroll('K-BENCH', { role: 'kiosk' }));
  const rawMs = Math.min(rawBefore, await rawInsertMs(path.join(dir, 'raw-after.db'), rows));
  // The stricter limit: the same rows as multi-row INSERTs, as the hall itself now writes them.
  const multiRowMs = await rawInsertMs(path.join(dir, 'raw-multi.db'), rows, true);

  const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);
  console.log(
    `push: drained ${events} events to a hall process at ${perSecond(events, pushMs)}/s vs raw batched sqlite inserts ${perSecond(events, rawMs)}/s = ${(rawMs / pushMs).toFixed(2)}× of raw throughput; vs multi-row inserts ${perSecond(events, multiRowMs)}/s = ${(multiRowMs / pushMs).toFixed(2)}×; hall in the terminal's process ${perSecond(events, inProcessMs)}/s = ${(multiRowMs / inProcessMs).toFixed(2)}× multi-row`,
  );
  await enroller.close();
  await ownProcess.stop();
  await inProcess.close();
  await rm(dir, { recursive: true, force: true });
}

/** The same rows inserted into a bare table, one transaction per batch of the push's size, a statement per row or per few hundred. */
async function rawInsertMs(file: string, rows: readonly OutboxEvent[], multiRow = false): Promise<number> {
  const raw = await openDatabase(file);
  await raw.exec(
    'CREATE TABLE event (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, type TEXT NOT NULL, occurred_at TEXT NOT NULL, payload TEXT NOT NULL)',
  );
  const start = performance.now();
  for (let offset = 0; offset < rows.length; offset += batch) {
    await raw.transaction(async (tx) => {
      const slice = rows.slice(offset, offset + batch);
      if (multiRow) {
        const values = slice.map((row) => [row.id, row.seq, row.type, row.occurredAt, JSON.stringify(row.payload)]);
        return insertRows(tx, 'event', ['id', 'seq', 'type', 'occurred_at', 'payload'], values);
      }
      for (const row of slice) {
        await tx.run('INSERT INTO event (id, seq, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?)', [
          row.id,
          row.seq,
          row.type,
          row.occurredAt,
          JSON.stringify(row.payload),
        ]);
      }
    });
  }
  const elapsed = performance.now() - start;
  await raw.close();
  return elapsed;
}
