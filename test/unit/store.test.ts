import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { migrationsDir } from '../../main/store/migrationsDir.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

async function freshDatabase(): Promise<Database> {
  const db = await openDatabase(path.join(await tempDir(), 'store.db'));
  await db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
  return db;
}

describe('store: the promise API over a real sqlite file', () => {
  it('runs, gets and lists rows, in WAL mode with a busy timeout', async () => {
    const db = await freshDatabase();
    const inserted = await db.run('INSERT INTO item (name) VALUES (?)', ['窗口']);
    expect(inserted).toEqual({ changes: 1, lastId: 1 });
    expect(await db.get('SELECT name FROM item WHERE id = ?', [1])).toEqual({ name: '窗口' });
    expect(await db.all('SELECT id FROM item')).toEqual([{ id: 1 }]);
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
    expect(existsSync(`${db.path}-wal`)).toBe(true);
    await db.close();
  });

  it('commits a transaction that resolves', async () => {
    const db = await freshDatabase();
    const value = await db.transaction(async (tx) => {
      await tx.run("INSERT INTO item (name) VALUES ('a')");
      await tx.run("INSERT INTO item (name) VALUES ('b')");
      return 'done';
    });
    expect(value).toBe('done');
    expect(await db.all('SELECT name FROM item ORDER BY name')).toEqual([{ name: 'a' }, { name: 'b' }]);
    await db.close();
  });

  it('rolls back a transaction that throws, and rethrows', async () => {
    const db = await freshDatabase();
    await db.run("INSERT INTO item (name) VALUES ('kept')");
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO item (name) VALUES ('lost')");
        await tx.run("INSERT INTO item (name) VALUES ('kept')"); // UNIQUE violation
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT name FROM item')).toEqual([{ name: 'kept' }]);
    // The connection is usable after the rollback.
    await db.transaction((tx) => tx.run("INSERT INTO item (name) VALUES ('after')"));
    expect(await db.all('SELECT name FROM item ORDER BY id')).toEqual([{ name: 'kept' }, { name: 'after' }]);
    await db.close();
  });

  it('rolls back only the inner part of a nested transaction', async () => {
    const db = await freshDatabase();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO item (name) VALUES ('outer')");
      await expect(
        tx.transaction(async (inner) => {
          await inner.run("INSERT INTO item (name) VALUES ('inner')");
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await db.all('SELECT name FROM item')).toEqual([{ name: 'outer' }]);
    await db.close();
  });

  it('keeps statements from other callers out of an open transaction', async () => {
    const db = await freshDatabase();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.run("INSERT INTO item (name) VALUES ('in-tx')");
      await gate;
      throw new Error('abort');
    });
    // Issued while the transaction is open: it must not be swept into its rollback.
    const outside = db.run("INSERT INTO item (name) VALUES ('outside')");
    release();
    await expect(failing).rejects.toThrow('abort');
    await outside;
    expect(await db.all('SELECT name FROM item')).toEqual([{ name: 'outside' }]);
    await db.close();
  });

  it("commits a cache transaction without waiting for the disk, and every other one with it, another caller's included", async () => {
    const db = await freshDatabase();
    const levels: number[] = [];
    const level = async (on: { get: Database['get'] }) => (await on.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous;
    let inside!: Promise<number>;
    await db.cacheTransaction(async (tx) => {
      levels.push(await level(tx));
      // Queued while the cache transaction is open: it runs after it, at the durable level again.
      inside = db.transaction((other) => level(other));
      await tx.run("INSERT INTO item (name) VALUES ('copy')");
    });
    levels.push(await inside, await level(db));
    // 1: NORMAL (WAL: the commit is not fsynced); 2: FULL.
    expect(levels).toEqual([1, 2, 2]);
    await expect(db.cacheTransaction(() => Promise.reject(new Error('bad page')))).rejects.toThrow('bad page');
    expect(await level(db)).toBe(2);
    expect(await db.all('SELECT name FROM item')).toEqual([{ name: 'copy' }]);
    await db.close();
  });

  it('keeps the durable level when a cache transaction cannot begin (another process holds the write lock)', async () => {
    const db = await freshDatabase();
    const file = db.path;
    await db.close();
    const waiting = await openDatabase(file, { busyTimeoutMs: 20 });
    const holder = await openDatabase(file);
    await holder.exec('BEGIN IMMEDIATE');
    await expect(waiting.cacheTransaction((tx) => tx.run("INSERT INTO item (name) VALUES ('late')"))).rejects.toThrow(/SQLITE_BUSY/);
    expect((await waiting.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous).toBe(2);
    await holder.exec('ROLLBACK');
    await waiting.cacheTransaction((tx) => tx.run("INSERT INTO item (name) VALUES ('late')"));
    expect((await waiting.get<{ synchronous: number }>('PRAGMA synchronous'))!.synchronous).toBe(2);
    await Promise.all([waiting.close(), holder.close()]);
  });

  it('refuses work after close', async () => {
    const db = await freshDatabase();
    await db.close();
    await expect(db.get('SELECT 1')).rejects.toThrow(/closed/);
  });
});

describe('migrations', () => {
  it('applies the numbered files once, recording each version', async () => {
    const db = await openDatabase(path.join(await tempDir(), 'm.db'));
    const migrations = await readMigrations(migrationsDir);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
    expect(await migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(db, migrations)).toEqual([]);
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((table) => table.name)).toContain('catalogue_category');
    await db.close();
  });

  it('leaves no trace of a migration that fails', async () => {
    const dir = await tempDir();
    const sqlDir = path.join(dir, 'migrations');
    await mkdir(sqlDir);
    await writeFile(path.join(sqlDir, '0001_good.sql'), 'CREATE TABLE a (x);');
    await writeFile(path.join(sqlDir, '0002_bad.sql'), 'CREATE TABLE b (y); CREATE TABLE oops (;');
    const db = await openDatabase(path.join(dir, 'm.db'));
    await expect(migrate(db, await readMigrations(sqlDir))).rejects.toThrow(/syntax error/);
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((table) => table.name)).toEqual(['a', 'schema_migration']);
    expect(await db.all('SELECT version FROM schema_migration')).toEqual([{ version: 1 }]);
    await db.close();
  });

  it('refuses numbering with a gap', async () => {
    const sqlDir = await tempDir();
    await writeFile(path.join(sqlDir, '0001_a.sql'), 'SELECT 1;');
    await writeFile(path.join(sqlDir, '0003_c.sql'), 'SELECT 1;');
    await expect(readMigrations(sqlDir)).rejects.toThrow(/without gaps; found 0003_c.sql/);
  });

  it('refuses a database newer than the program', async () => {
    const sqlDir = await tempDir();
    await writeFile(path.join(sqlDir, '0001_a.sql'), 'CREATE TABLE a (x);');
    await writeFile(path.join(sqlDir, '0002_b.sql'), 'CREATE TABLE b (x);');
    const db = await openDatabase(path.join(sqlDir, 'm.db'));
    const both = await readMigrations(sqlDir);
    await migrate(db, both);
    await expect(migrate(db, both.slice(0, 1))).rejects.toThrow(/schema version 2, newer than this program knows \(1\)/);
    await db.close();
  });
});
