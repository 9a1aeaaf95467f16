import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/sqlite/database.js';
import { useTempDirs } from '../support/tempDir.js';

const writerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'storeWriter.ts');
const tempDir = useTempDirs();

interface Writer {
  ready: Promise<void>;
  go(): void;
  done: Promise<void>;
}

function startWriter(file: string, writer: string, count: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, file, writer, String(count)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    ready: new Promise((resolve) => child.stdout.once('data', () => resolve())),
    go: () => child.stdin.write('go\n'),
    done: new Promise((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`)))),
    ),
  };
}

describe('store shared by two processes', () => {
  it('serializes their transactions on one file without losing a write', async () => {
    const file = path.join(await tempDir(), 'shared.db');
    const db = await openDatabase(file);
    await db.exec('CREATE TABLE entry (id INTEGER PRIMARY KEY, writer TEXT NOT NULL, seq INTEGER NOT NULL, seen_before INTEGER NOT NULL)');
    await db.close();

    const perWriter = 150;
    const writers = [startWriter(file, 'a', perWriter), startWriter(file, 'b', perWriter)];
    await Promise.all(writers.map((writer) => writer.ready));
    writers.forEach((writer) => writer.go());
    await Promise.all(writers.map((writer) => writer.done));

    const check = await openDatabase(file);
    const counts = await check.all<{ writer: string; n: number }>(
      'SELECT writer, COUNT(*) AS n FROM entry GROUP BY writer ORDER BY writer',
    );
    expect(counts).toEqual([
      { writer: 'a', n: perWriter },
      { writer: 'b', n: perWriter },
    ]);
    // Each transaction saw exactly the rows committed before it: no two read the same count.
    const seen = await check.all<{ seen_before: number }>('SELECT seen_before FROM entry ORDER BY id');
    expect(seen.map((row) => row.seen_before)).toEqual(seen.map((_, index) => index));
    // And they did contend: the writers' rows alternate rather than one block after the other.
    const order = await check.all<{ writer: string }>('SELECT writer FROM entry ORDER BY id');
    const switches = order.filter((row, index) => index > 0 && row.writer !== order[index - 1]?.writer).length;
    expect(switches).toBeGreaterThan(1);
    await check.close();
  }, 60_000);
});
