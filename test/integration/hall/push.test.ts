import path from 'node:path';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../../main/store/migrationsDir.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { OutboxPusher } from '../../../main/sync/outboxPusher.js';
import { OutboxRepository } from '../../../main/store/outboxRepository.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';
import { recordingLogger } from '../../support/silentLogger.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('hall server on %s', (backend) => {
  async function setUp(): Promise<{ hall: LoopbackHall; db: Database; client: HallClient }> {
    const hall = await startLoopbackHall(backend);
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    await migrate(db, await readMigrations(migrationsDir));
    cleanups.push(async () => {
      await db.close();
      await hall.close();
    });
    return { hall, db, client: new HallClient(await hall.enroll('K-01', { role: 'kiosk' })) };
  }

  async function append(db: Database, count: number): Promise<void> {
    for (let index = 0; index < count; index += 1) {
      await db.transaction((tx) => new OutboxRepository(tx).append('test.counted', { index }));
    }
  }

  const receivedSeqs = (hall: LoopbackHall) =>
    hall.db.all<{ seq: number }>("SELECT seq FROM terminal_event WHERE terminal_id = 'K-01' ORDER BY seq");

  describe('outbox push to a real hall server on loopback', () => {
    it('delivers every event once, in order, and empties the outbox', async () => {
      const { hall, db, client } = await setUp();
      await append(db, 1200);
      const pusher = new OutboxPusher({ db, client, logger: recordingLogger().logger, batchSize: 500 });
      await pusher.drain();
      expect((await receivedSeqs(hall)).map((row) => row.seq)).toEqual(Array.from({ length: 1200 }, (_, index) => index + 1));
      expect(await new OutboxRepository(db).backlog()).toBe(0);
    });

    it('reads the next batch while the hall takes one, and still settles a refusal in the middle and stops at a gap', async () => {
      const { hall, db, client } = await setUp();
      await append(db, 7);
      await db.transaction((tx) => new OutboxRepository(tx).append('Not A Type', {}));
      await append(db, 6);
      const { logger, lines } = recordingLogger();
      const pusher = new OutboxPusher({ db, client, logger, batchSize: 3 });
      expect(await pusher.drain()).toBe(14);
      expect((await receivedSeqs(hall)).map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14]);
      expect(await db.all('SELECT seq, reason FROM outbox_rejected')).toEqual([{ seq: 8, reason: expect.stringMatching(/^type: /) }]);
      expect(lines().some((line) => line.msg === 'the hall server refused an outbox event')).toBe(true);

      // An event gone from the outbox before it was sent: what comes before it is settled, and the drain says what is missing.
      await append(db, 6);
      await db.run('DELETE FROM outbox_event WHERE seq = 18');
      await expect(pusher.drain()).rejects.toThrow('the hall server misses events before sequence 19 (asks from 18)');
      expect((await receivedSeqs(hall)).map((row) => row.seq).slice(-3)).toEqual([15, 16, 17]);
      expect((await db.all<{ seq: number }>('SELECT seq FROM outbox_event ORDER BY seq')).map((row) => row.seq)).toEqual([19, 20]);
    });

    it('stops after the batch in flight, not after the whole backlog, and loses nothing', async () => {
      const { hall, db, client } = await setUp();
      await db.transaction(async (tx) => {
        for (let index = 0; index < 2000; index += 1) await new OutboxRepository(tx).append('test.counted', { index });
      });
      const pusher = new OutboxPusher({ db, client, logger: recordingLogger().logger, batchSize: 20 });
      pusher.start();
      await expect.poll(async () => (await receivedSeqs(hall)).length, { interval: 10 }).toBeGreaterThan(0);
      await pusher.stop();
      const received = (await receivedSeqs(hall)).length;
      const left = await new OutboxRepository(db).backlog();
      expect(left).toBeGreaterThan(0);
      expect(received + left).toBe(2000);
    });

    it('keeps working while the hall is down, and drains the backlog in order when it returns', async () => {
      const { hall, db, client } = await setUp();
      const pusher = new OutboxPusher({ db, client, logger: recordingLogger().logger, idleMs: 50 });
      pusher.start();
      await append(db, 10);
      await expect.poll(async () => (await receivedSeqs(hall)).length).toBe(10);
      await hall.stopServing();
      await append(db, 25);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await new OutboxRepository(db).backlog()).toBe(25);
      await hall.start();
      await expect.poll(async () => (await receivedSeqs(hall)).length, { timeout: 15_000 }).toBe(35);
      expect((await receivedSeqs(hall)).map((row) => row.seq)).toEqual(Array.from({ length: 35 }, (_, index) => index + 1));
      await pusher.stop();
    }, 30_000);

    it('takes duplicated and reordered pushes harmlessly, and refuses a malformed event with a reason', async () => {
      const { hall, db, client } = await setUp();
      await append(db, 3);
      const events = await new OutboxRepository(db).pending(10);
      expect(await client.push([events[2]!, events[0]!, events[1]!])).toEqual({
        acknowledged: events.map((event) => event.id),
        rejected: [],
        resendFrom: null,
      });
      expect(await client.push(events)).toEqual({ acknowledged: events.map((event) => event.id), rejected: [], resendFrom: null });
      const malformed = { id: ulid(), seq: 4, type: 'Not A Type', occurredAt: 'yesterday', payload: {} };
      const next = { id: ulid(), seq: 5, type: 'test.counted', occurredAt: new Date().toISOString(), payload: { index: 5 } };
      const answer = await client.push([malformed as never, next]);
      expect(answer.acknowledged).toEqual([next.id]);
      expect(answer.rejected).toEqual([{ id: malformed.id, reason: expect.stringMatching(/^type: .*; occurredAt: /) }]);
      expect((await receivedSeqs(hall)).map((row) => row.seq)).toEqual([1, 2, 3, 5]);
    });

    it('asks for a resend when an earlier event is missing, and applies nothing past the gap', async () => {
      const { hall, client } = await setUp();
      const later = { id: ulid(), seq: 7, type: 'test.counted', occurredAt: new Date().toISOString(), payload: {} };
      expect(await client.push([later])).toEqual({ acknowledged: [], rejected: [], resendFrom: 1 });
      expect(await receivedSeqs(hall)).toEqual([]);
    });
  });
});
