import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLogFile } from '../../lib/logFile.js';
import { createLogger } from '../../lib/logger.js';
import { runCli, startCli } from '../support/cliProcess.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();

/** One run of a process logging `count` numbered lines of ~190 bytes to `file` (100 kB a file, 2 rotated kept). */
async function run(file: string, from: number, count: number): Promise<void> {
  const destination = openLogFile({ file, maxBytes: 100_000, keep: 2 });
  const logger = createLogger('info', destination);
  for (let seq = from; seq < from + count; seq += 1) logger.info({ seq, pad: 'x'.repeat(100) }, 'line');
  await destination.close();
}

/** The log files oldest first (k01.log.2, k01.log.1, then the live k01.log), their sizes and the numbers of their lines. */
async function logged(dir: string): Promise<{ files: string[]; sizes: number[]; seqs: number[] }> {
  const rank = (name: string) => (name === 'k01.log' ? 0 : -Number(name.slice('k01.log.'.length)));
  const files = (await readdir(dir)).filter((name) => /^k01\.log(\.\d+)?$/.test(name)).sort((a, b) => rank(a) - rank(b));
  const sizes: number[] = [];
  const seqs: number[] = [];
  for (const name of files) {
    const text = await readFile(path.join(dir, name), 'utf8');
    sizes.push(Buffer.byteLength(text));
    for (const line of text.split('\n').filter(Boolean)) seqs.push((JSON.parse(line) as { seq: number }).seq);
  }
  return { files, sizes, seqs };
}
const numbers = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('a log file rotated by size', () => {
  it('rotates past the size, keeps the live file and two rotated ones, and loses no line across a rotation or a restart', async () => {
    const dir = path.join(await tempDir(), 'logs');
    const file = path.join(dir, 'k01.log');
    // ~47 kB: under the size, one file.
    await run(file, 0, 250);
    expect((await logged(dir)).files).toEqual(['k01.log']);

    // A restart appends, and ~190 kB more rotates twice: every line is in one file, in order, none split.
    await run(file, 250, 1000);
    const twice = await logged(dir);
    expect(twice.files).toEqual(['k01.log.2', 'k01.log.1', 'k01.log']);
    expect(twice.seqs).toEqual(numbers(0, 1250));
    for (const size of twice.sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(100_000);
    for (const size of twice.sizes) expect(size).toBeLessThan(100_000 + 200);

    // Much more: still three files; the oldest lines went, the newest are all there, up to the last one written.
    await run(file, 1250, 2000);
    const later = await logged(dir);
    expect(later.files).toEqual(['k01.log.2', 'k01.log.1', 'k01.log']);
    expect(later.seqs).toEqual(numbers(3250 - later.seqs.length, 3250));
    expect(later.seqs.length).toBeGreaterThan(1000);
  });

  it('is where onewindow logs with --log-file, on any command; a wrong option is named', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'logs', 'hall.log');
    const hall = await startCli(
      ['hall', '--db', path.join(dir, 'hall.db'), '--port', '0', '--log-file', file, '--log-size', '2K', '--log-keep', '1'],
      1,
      {
        ONEWINDOW_LOG_LEVEL: 'info',
      },
    );
    hall.child.kill('SIGTERM');
    // Stopped by its own handler, so the log was closed: SIGTERM before the handler would kill it before its lines are written.
    expect(await hall.exited).toBe(0);
    expect(hall.output().stderr).toBe('');
    const files = (await readdir(path.dirname(file))).sort();
    expect(files).toContain('hall.log');
    // 2 KB is a few lines: the file may have just been rotated, so its lines are in it or in the one before.
    const texts = await Promise.all(files.map((name) => readFile(path.join(path.dirname(file), name), 'utf8')));
    const lines = texts.join('\n').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ app: 'onewindow' });

    const bad = await runCli(['--log-file', file, '--log-keep', '0', 'hall', 'terminals', '--db', path.join(dir, 'hall.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--log-keep: expected a number from 1 to 100, got "0"');
  }, 60_000);
});
