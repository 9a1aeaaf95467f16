import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { pageUse } from '../../lib/sqlite/upkeep.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { CitizenSession } from '../../main/services/citizen/citizenSession.js';
import { DatabaseUpkeep } from '../../main/services/upkeep/databaseUpkeep.js';
import { terminalIdle } from '../../main/services/upkeep/upkeepSlice.js';
import { OutboxRepository } from '../../main/store/outboxRepository.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { keepWalSmall } from '../../upstream/storage/walUpkeep.js';
import { recordingLogger } from '../support/silentLogger.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const size = async (file: string) => (await stat(file)).size;

/** A terminal database file with 4 MB of rows written through the write-ahead log. */
async function busyDatabase(open: (file: string) => Promise<Database> = openDatabase): Promise<Database> {
  const db = await open(path.join(await tempDir(), 'K-01.db'));
  await db.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, body BLOB)');
  await db.transaction(async (tx) => {
    for (let row = 0; row < 4000; row += 1) await tx.run('INSERT INTO bulk (body) VALUES (randomblob(1000))');
  });
  return db;
}

describe('database upkeep on a real terminal database file', () => {
  it('truncates the write-ahead log at each checkpoint', async () => {
    const db = await busyDatabase();
    await migrate(db, await readMigrations(migrationsDir));
    const wal = `${db.path}-wal`;
    expect(await size(wal)).toBeGreaterThan(1_000_000);
    const upkeep = new DatabaseUpkeep({ db, logger: recordingLogger().logger, idle: async () => false });
    expect(await upkeep.tick()).toBe('checkpointed');
    expect(await size(wal)).toBe(0);
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM bulk')).toEqual({ n: 4000 });
    await db.close();
  });

  it('vacuums only when no citizen is in a session and the outbox is empty, at most once a day', async () => {
    const db = await busyDatabase();
    await migrate(db, await readMigrations(migrationsDir));
    await db.run('DELETE FROM bulk WHERE id > 400');
    let now = Date.parse('2026-11-29T19:00:00Z');
    const citizen = new CitizenSession({ reader: () => null, today: async () => '2026-11-29' });
    const upkeep = new DatabaseUpkeep({ db, logger: recordingLogger().logger, idle: terminalIdle(db, citizen), now: () => now });
    await citizen.identifiedByEid({ idNumber: '11010519491231002X', name: '王建国' });
    expect(await upkeep.tick()).toBe('checkpointed');
    const before = { file: await size(db.path), pages: await pageUse(db) };
    expect(before.pages.free / before.pages.pages).toBeGreaterThan(0.5);
    expect(await upkeep.tick()).toBe('checkpointed');
    expect(await pageUse(db)).toEqual(before.pages);
    expect(await size(db.path)).toBe(before.file);

    citizen.end();
    const outbox = new OutboxRepository(db);
    const event = await outbox.append('device.status', { role: 'receiptPrinter', state: 'ready', detail: null });
    expect(await upkeep.tick()).toBe('checkpointed');
    expect((await pageUse(db)).free).toBe(before.pages.free);

    await outbox.settle([event.id], []);
    expect(await upkeep.tick()).toBe('vacuumed');
    expect((await pageUse(db)).free).toBe(0);
    expect(await size(db.path)).toBeLessThan(before.file / 2);
    expect(await size(`${db.path}-wal`)).toBe(0);

    await db.run('DELETE FROM bulk WHERE id > 40');
    now += 3600_000;
    expect(await upkeep.tick()).toBe('checkpointed');
    now += 86_400_000;
    expect(await upkeep.tick()).toBe('vacuumed');
    await db.close();
  });

  it("checkpoints a SQLite hall's log on its own timer", async () => {
    const db = await busyDatabase(openHallDatabase);
    const wal = `${db.path}-wal`;
    expect(await size(wal)).toBeGreaterThan(1_000_000);
    const stop = keepWalSmall(db, recordingLogger().logger, 20);
    while ((await size(wal)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop();
    await db.close();
  });
});
