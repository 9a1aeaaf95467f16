import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sqlite3 from 'sqlite3';
import { openDatabase } from '../../lib/sqlite/database.js';
import { report } from './measure.js';

const rows = 20_000;
const schema = 'CREATE TABLE item (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)';

/** The store's promise API, in one transaction, against raw sqlite3 callbacks writing the same rows the same way. */
export async function benchStoreWrites(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));

  const db = await openDatabase(path.join(dir, 'store.db'));
  await db.exec(schema);
  let start = performance.now();
  await db.transaction(async (tx) => {
    for (let index = 0; index < rows; index += 1) await tx.run('INSERT INTO item (payload) VALUES (?)', [`row ${index}`]);
  });
  const store = performance.now() - start;
  await db.close();

  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle: sqlite3.Database = new sqlite3.Database(path.join(dir, 'raw.db'), (error) => (error ? reject(error) : resolve(handle)));
  });
  const exec = (sql: string) => new Promise<void>((resolve, reject) => raw.exec(sql, (error) => (error ? reject(error) : resolve())));
  await exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
  await exec(schema);
  start = performance.now();
  await exec('BEGIN IMMEDIATE');
  for (let index = 0; index < rows; index += 1) {
    await new Promise<void>((resolve, reject) =>
      raw.run('INSERT INTO item (payload) VALUES (?)', [`row ${index}`], (error) => (error ? reject(error) : resolve())),
    );
  }
  await exec('COMMIT');
  const baseline = performance.now() - start;
  await new Promise<void>((resolve) => raw.close(() => resolve()));

  report(`store: ${rows} inserts in one transaction`, store, 'raw sqlite3', baseline);
  await rm(dir, { recursive: true, force: true });
}
