import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/sqlite/database.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

async function twoConnections() {
  const file = path.join(await tempDir(), 'store.db');
  const db = await openDatabase(file);
  await db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
  const other = await openDatabase(file, { busyTimeoutMs: 200 });
  return { db, other };
}

describe('statements kept prepared on a connection', () => {
  it('leaves no read snapshot or write lock behind: a first row, a RETURNING write, then another connection writes and is seen', async () => {
    const { db, other } = await twoConnections();
    await db.run("INSERT INTO item (name) VALUES ('a'), ('b'), ('c')");
    // A read of the first of several rows, then a write that returns its row.
    expect(await db.get('SELECT name FROM item ORDER BY id')).toEqual({ name: 'a' });
    await db.run("INSERT INTO item (name) VALUES ('d') RETURNING id");
    // Another connection can write at once (a write lock left open would make it wait, then fail at 200 ms) …
    await other.run("INSERT INTO item (name) VALUES ('e')");
    // … and the first connection sees that write with the same kept statement (a snapshot left open would not).
    expect(await db.get('SELECT COUNT(*) AS n FROM item')).toEqual({ n: 5 });
    expect(await db.get('SELECT name FROM item ORDER BY id DESC')).toEqual({ name: 'e' });
    await other.close();
    await db.close();
  });

  it('ends a statement stopped by a busy database: the writes after it commit and stay', async () => {
    const file = path.join(await tempDir(), 'store.db');
    const db = await openDatabase(file, { busyTimeoutMs: 50 });
    await db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    const other = await openDatabase(file);
    await db.run('INSERT INTO item (name) VALUES (?)', ['before']);
    // Another process holds the write lock past the busy timeout: the kept INSERT fails with SQLITE_BUSY.
    let release: () => void = () => undefined;
    const held = other.transaction(async (tx) => {
      await tx.run("INSERT INTO item (name) VALUES ('other')");
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(db.run('INSERT INTO item (name) VALUES (?)', ['busy'])).rejects.toThrow(/SQLITE_BUSY/);
    release();
    await held;
    // Another write, a transaction, then the statement that failed: each commits, and another connection sees them.
    await db.run('UPDATE item SET name = ? WHERE name = ?', ['before, updated', 'before']);
    expect(await other.get('SELECT name FROM item WHERE id = 1')).toEqual({ name: 'before, updated' });
    await db.transaction((tx) => tx.run('INSERT INTO item (name) VALUES (?)', ['in a transaction']));
    await db.run('INSERT INTO item (name) VALUES (?)', ['after']);
    expect(await other.all('SELECT name FROM item ORDER BY id')).toEqual([
      { name: 'before, updated' },
      { name: 'other' },
      { name: 'in a transaction' },
      { name: 'after' },
    ]);
    await other.close();
    await db.close();
  });

  it('reports a statement that does not prepare each time it is used, and goes on serving', async () => {
    const { db, other } = await twoConnections();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(db.all('SELEC name FROM item')).rejects.toThrow(/syntax error/);
      await expect(db.run('INSERT INTO nowhere (name) VALUES (?)', ['x'])).rejects.toThrow(/no such table: nowhere/);
    }
    // A kept statement that fails on a constraint runs again with other values.
    await db.run('INSERT INTO item (name) VALUES (?)', ['a']);
    await expect(db.run('INSERT INTO item (name) VALUES (?)', ['a'])).rejects.toThrow(/UNIQUE constraint failed/);
    await db.run('INSERT INTO item (name) VALUES (?)', ['b']);
    expect(await db.all('SELECT name FROM item ORDER BY name')).toEqual([{ name: 'a' }, { name: 'b' }]);
    await other.close();
    await db.close();
  });

  it('keeps answering right past the number it keeps, inside transactions too, and closes with all of them finalized', async () => {
    const { db, other } = await twoConnections();
    await db.transaction(async (tx) => {
      for (let index = 0; index < 600; index += 1) {
        // 600 distinct statements, each used twice: the least recently used are finalized along the way.
        await tx.run(`INSERT INTO item (name) VALUES (? || '-${index}')`, ['n']);
        expect(await tx.get(`SELECT id FROM item WHERE name = 'n-${index}' AND ${index} = ${index}`)).toEqual({ id: index + 1 });
      }
    });
    expect(await db.get('SELECT COUNT(*) AS n FROM item')).toEqual({ n: 600 });
    // Closing would fail with "unable to close due to unfinalized statements" if any were left.
    await db.close();
    // The schema changes under a kept statement of another connection: it is prepared again, not wrong.
    expect(await other.get('SELECT COUNT(*) AS n FROM item')).toEqual({ n: 600 });
    await other.exec('ALTER TABLE item ADD COLUMN note TEXT');
    await other.run("UPDATE item SET note = 'x' WHERE id = 1");
    expect(await other.get('SELECT * FROM item WHERE id = 1')).toEqual({ id: 1, name: 'n-0', note: 'x' });
    await other.close();
  });
});
