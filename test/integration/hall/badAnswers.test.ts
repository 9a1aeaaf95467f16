import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../../main/store/migrationsDir.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { OutboxPusher } from '../../../main/sync/outboxPusher.js';
import { OutboxRepository } from '../../../main/store/outboxRepository.js';
import { recordingLogger } from '../../support/silentLogger.js';
import { useTempDirs } from '../../support/tempDir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A "hall server" on loopback that answers every request with `reply` (raw HTTP), to see what the terminal does with it. */
async function fakeHall(reply: string): Promise<string> {
  const server = net.createServer((socket) => socket.once('data', () => socket.end(reply)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function terminalWithBacklog(hallUrl: string): Promise<{ db: Database; pusher: OutboxPusher }> {
  const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
  await migrate(db, await readMigrations(migrationsDir));
  cleanups.push(() => db.close());
  for (let index = 0; index < 5; index += 1) await db.transaction((tx) => new OutboxRepository(tx).append('test.counted', { index }));
  const client = new HallClient({ hallUrl, terminalId: 'K-01', secret: 's'.repeat(43) }, 1000);
  return { db, pusher: new OutboxPusher({ db, client, logger: recordingLogger().logger }) };
}

describe('bad answers from the hall never cost the outbox', () => {
  const json = (body: string) =>
    `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
  const cases: [string, string][] = [
    [
      'a truncated answer',
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\nconnection: close\r\n\r\n{"acknowledged":["',
    ],
    ['an answer that is not JSON', json('<html>proxy error</html>')],
    ['JSON of the wrong shape', json('{"acknowledged":"everything"}')],
    ['a server error', 'HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'],
  ];
  for (const [what, reply] of cases) {
    it(`keeps every event after ${what}`, async () => {
      const { db, pusher } = await terminalWithBacklog(await fakeHall(reply));
      await expect(pusher.drain()).rejects.toThrow();
      expect(await new OutboxRepository(db).backlog()).toBe(5);
    });
  }
});

describe('a store that cannot be written', () => {
  it('fails with a clear error and keeps what was committed', async () => {
    const file = path.join(await tempDir(), 'terminal.db');
    const db = await openDatabase(file);
    await migrate(db, await readMigrations(migrationsDir));
    await db.transaction((tx) => new OutboxRepository(tx).append('test.counted', { index: 0 }));
    await db.close();
    const readOnly = await openDatabase(file, { readOnly: true });
    await expect(readOnly.transaction((tx) => new OutboxRepository(tx).append('test.counted', { index: 1 }))).rejects.toThrow(
      /readonly|read-only/i,
    );
    expect(await new OutboxRepository(readOnly).backlog()).toBe(1);
    await readOnly.close();
  });
});

describe('a full disk', () => {
  it('refuses the new event with a clear error and keeps what was committed', async () => {
    const db = await openDatabase(path.join(await tempDir(), 'terminal.db'));
    cleanups.push(() => db.close());
    await migrate(db, await readMigrations(migrationsDir));
    await db.transaction((tx) => new OutboxRepository(tx).append('test.counted', { index: 0 }));
    // The database may not grow past its present size: the next pages it needs are not there, as on a full disk.
    const { page_count: pages } = (await db.get<{ page_count: number }>('PRAGMA page_count'))!;
    await db.exec(`PRAGMA max_page_count = ${pages}`);
    const big = { blob: 'x'.repeat(200_000) };
    await expect(db.transaction((tx) => new OutboxRepository(tx).append('test.counted', big))).rejects.toThrow(/full/i);
    expect(await new OutboxRepository(db).backlog()).toBe(1);
    expect((await new OutboxRepository(db).pending(10))[0]?.payload).toEqual({ index: 0 });
  });
});
