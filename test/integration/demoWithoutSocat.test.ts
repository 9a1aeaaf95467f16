import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TerminalStatus } from '../../main/contract/status.js';
import { startCli, type ServingCli } from '../support/cliProcess.js';
import requireBuild from '../support/requireBuild.js';
import { launchScreen, type ScreenSession } from '../support/screenSession.js';
import { useTempDirs } from '../support/tempDir.js';

requireBuild();
const tempDir = useTempDirs();
let demo: ServingCli | null = null;
afterEach(async () => {
  if (demo && demo.child.exitCode === null) {
    demo.child.kill('SIGKILL');
    await demo.exited;
  }
  demo = null;
});

/** A PATH with node on it and nothing else: the machine of someone who has only installed Node. */
async function nodeOnlyPath(): Promise<string> {
  const bin = await tempDir();
  await symlink(process.execPath, path.join(bin, 'node'));
  return bin;
}

async function devicesOf(screen: ScreenSession): Promise<TerminalStatus['devices']> {
  return ((await (await screen.rpc('status.get')).json()) as { result: TerminalStatus }).result.devices;
}

describe('npm run demo on a machine with Node only (no socat)', () => {
  it('runs the serial simulators in-process, says so in one line, and logs JSON without stack traces when piped', async () => {
    demo = await startCli(['demo', '--port', '0', '--data-dir', await tempDir()], 4, { PATH: await nodeOnlyPath() }, 60_000);
    const [kioskUrl, counterUrl] = demo.urls.filter((url) => url.includes('#'));
    const kiosk = await launchScreen(kioskUrl!);
    const counter = await launchScreen(counterUrl!);

    // The same SAM frames as over a pty: the reader answers its health check and reads the demo card.
    await vi.waitFor(async () => expect(await devicesOf(kiosk)).toContainEqual({ role: 'idCardReader', state: 'ready', detail: null }), {
      timeout: 20_000,
      interval: 200,
    });
    const read = (await (await kiosk.rpc('citizen.readCard', { waitSeconds: 5 })).json()) as {
      result: { citizen: { name: string } | null };
    };
    expect(read.result.citizen).not.toBeNull();
    // The counter's LED display answers its ping over the RS-485 frames.
    await vi.waitFor(async () => expect(await devicesOf(counter)).toContainEqual({ role: 'ledDisplay', state: 'ready', detail: null }), {
      timeout: 20_000,
      interval: 200,
    });

    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    const lines = demo.output().stderr.split('\n').filter(Boolean);
    expect(lines.filter((line) => line.includes('socat is not installed'))).toHaveLength(1);
    expect(lines.find((line) => line.includes('socat is not installed'))).toContain('in-process');
    for (const line of lines) expect(() => JSON.parse(line), `piped, every log line is JSON: ${line}`).not.toThrow();
    expect(demo.output().stderr).not.toMatch(/\\n\s+at |\n\s+at /);
  }, 90_000);
});
