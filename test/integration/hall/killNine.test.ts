import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';
import { useTempDirs } from '../../support/tempDir.js';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'outboxWriter.ts');
const tempDir = useTempDirs();

function run(args: string[], killAfterMs: number | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (killAfterMs !== null) {
      // Kill only once it is writing, at a random moment after that.
      child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    }
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`outbox writer exited ${code}: ${stderr}`));
    });
  });
}

describe.each(hallBackends())('outbox across kill -9 (real processes, real hall on loopback, %s)', (backend) => {
  it('delivers every committed event exactly once, however often the terminal dies', async () => {
    const hall = await startLoopbackHall(backend);
    const dir = await tempDir();
    const dbFile = path.join(dir, 'terminal.db');
    const identityFile = path.join(dir, 'identity.json');
    await writeFile(identityFile, JSON.stringify(await hall.enroll('K-09', { role: 'kiosk' })));
    try {
      for (let round = 0; round < 6; round += 1) await run([dbFile, identityFile, 'write'], 150 + Math.floor(Math.random() * 400));
      await run([dbFile, identityFile, 'drain'], null);

      const terminal = await openDatabase(dbFile);
      const committed = (await terminal.get<{ value: number }>("SELECT value FROM sync_counter WHERE name = 'outbox_seq'"))!.value;
      const left = (await terminal.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox_event'))!.n;
      await terminal.close();
      const received = await hall.db.all<{ seq: number }>("SELECT seq FROM terminal_event WHERE terminal_id = 'K-09' ORDER BY seq");

      expect(committed).toBeGreaterThan(30);
      expect(left).toBe(0);
      expect(received.map((row) => row.seq)).toEqual(Array.from({ length: committed }, (_, index) => index + 1));
    } finally {
      await hall.close();
    }
  }, 90_000);
});
