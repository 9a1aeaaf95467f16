import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../../main/store/migrationsDir.js';
import { OutboxRepository } from '../../../main/store/outboxRepository.js';
import { EventIntake } from '../../../upstream/sync/eventIntake.js';
import { countingDatabase } from '../../support/countingDatabase.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const batch = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: ulid(),
    seq: from + index,
    type: 'test.counted',
    occurredAt: new Date().toISOString(),
    payload: { index },
  }));

describe.each(hallBackends())('a pushed batch at the hall on %s', (backend) => {
  it('is taken with a few statements for the whole batch, not a round trip per event', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const counted = countingDatabase(hall.db);
    const intake = new EventIntake(counted.db);
    const events = batch(1, 400);
    const answer = await intake.accept('K-01', events);
    expect(answer.acknowledged).toHaveLength(400);
    // Cursor read, one look-up, one insert, cursor write.
    expect(counted.statements()).toBe(4);
    const stored = await hall.db.all<{ seq: number }>("SELECT seq FROM terminal_event WHERE terminal_id = 'K-01' ORDER BY seq");
    expect(stored.map((row) => row.seq)).toEqual(events.map((event) => event.seq));
  });

  it('stores an event sent twice in one batch once, and acknowledges both', async () => {
    const hall = await startLoopbackHall(backend);
    cleanups.push(() => hall.close());
    const [first, second] = batch(1, 2);
    const answer = await new EventIntake(hall.db).accept('K-01', [first, second, first]);
    expect(answer.acknowledged).toEqual([first!.id, first!.id, second!.id]);
    expect(answer.rejected).toEqual([]);
    expect((await hall.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM terminal_event'))!.n).toBe(2);
  });
});

describe("the terminal's outbox", () => {
  it('forgets an acknowledged batch with one statement, not one per event', async () => {
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    cleanups.push(() => db.close());
    await migrate(db, await readMigrations(migrationsDir));
    const outbox = new OutboxRepository(db);
    await db.transaction(async (tx) => {
      for (let index = 0; index < 500; index += 1) await new OutboxRepository(tx).append('test.counted', { index });
    });
    const pending = await outbox.pending(500);
    const counted = countingDatabase(db);
    await counted.db.transaction((tx) =>
      new OutboxRepository(tx).settle(
        pending.slice(1).map((event) => event.id),
        [],
      ),
    );
    expect(counted.statements()).toBe(1);
    expect((await outbox.pending(500)).map((event) => event.seq)).toEqual([pending[0]!.seq]);
  });
});
