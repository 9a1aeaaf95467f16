import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run soak` at CI size (each session prints a certificate through the simulated CUPS queue: about 1 s), measured from session 10 to 30; the bench size is 10 000. Its own limits decide; the exit code carries them. */
describe('the kiosk soak (30 sessions through the bridge, hall on loopback, simulated devices)', () => {
  it('ends with no growth of heap, RSS, descriptors, sockets or event-hub subscribers past the limits', async () => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/soak/run.ts', '--sessions', '30', '--every', '10'], {
      env: { ...process.env, ONEWINDOW_LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain('sessions     30:');
    expect({ code, output }).toMatchObject({ code: 0 });
  }, 900_000);
});
