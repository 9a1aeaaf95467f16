import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { openDatabase } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { OutboxPusher } from '../../main/sync/outboxPusher.js';
import { OutboxRepository } from '../../main/store/outboxRepository.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';
import { insertRows } from '../../lib/sqlite/batchStatements.js';
import type { OutboxEvent } from '../../main/contract/syncProtocol.js';

const events = Number(process.env.BENCH_PUSH_EVENTS ?? 100_000);
const batch = 500;

/**
 * Draining an outbox backlog to a real hall server on loopback (signed
 * requests, validation, dedup, ordered apply, deletes on the terminal)
 * against raw batched sqlite inserts of the same rows on the same machine.
 */
export async function benchPushThroughput(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
  const hall = await startLoopbackHall();
  const db = await openDatabase(path.join(dir, 'terminal.db'));
  await migrate(db, await readMigrations(migrationsDir));
  await db.transaction(async (tx) => {
    const outbox = new OutboxRepository(tx);
    for (let index = 0; index < events; index += 1) await outbox.append('bench.counted', { index, note: '排队取号 ticket' });
  });
  const rows = await new OutboxRepository(db).pending(events);

  const pusher = new OutboxPusher({
    db,
    client: new HallClient(await hall.enroll('K-BENCH', { role: 'kiosk' })),
    logger: pino({ level: 'silent' }),
    batchSize: batch,
  });
  // The disk is shared with whatever else runs: the baseline is the faster of a run before and one after the drain.
  const rawBefore = await rawInsertMs(path.join(dir, 'raw-before.db'), rows);
  const start = performance.now();
  while ((await pusher.pushBatch()) > 0);
  const pushMs = performance.now() - start;
  const rawMs = Math.min(rawBefore, await rawInsertMs(path.join(dir, 'raw-after.db'), rows));
  // The stricter limit: the same rows as multi-row INSERTs, as the hall itself now writes them.
  const multiRowMs = await rawInsertMs(path.join(dir, 'raw-multi.db'), rows, true);

  const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);
  console.log(
    `push: drained ${events} events at ${perSecond(events, pushMs)}/s vs raw batched sqlite inserts ${perSecond(events, rawMs)}/s = ${(rawMs / pushMs).toFixed(2)}× of raw throughput; vs multi-row inserts ${perSecond(events, multiRowMs)}/s = ${(multiRowMs / pushMs).toFixed(2)}×`,
  );
  await db.close();
  await hall.close();
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
