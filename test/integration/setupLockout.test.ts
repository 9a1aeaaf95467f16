import { afterEach, describe, expect, it } from 'vitest';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { startTestTerminal } from '../support/testTerminal.js';
import { useTempDirs } from '../support/tempDir.js';

const tempDir = useTempDirs();
const running: RunningTerminal[] = [];
afterEach(async () => {
  for (const terminal of running.splice(0)) await terminal.stop();
});

async function kiosk(dir: string): Promise<RunningTerminal> {
  const terminal = await startTestTerminal(dir, 'demo-kiosk', { setup: { pin: '246813' } });
  running.push(terminal);
  return terminal;
}

describe('the setup lockout survives a restart of the host', () => {
  it('locked after 5 wrong PINs, and still locked for the right PIN after the host restarts on the same data folder', async () => {
    const dir = await tempDir();
    const first = await kiosk(dir);
    for (let wrong = 1; wrong <= 5; wrong += 1) {
      expect(await first.host.dispatch('setup.unlock', { pin: `00000${wrong}` })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await first.host.dispatch('setup.unlock', { pin: '246813' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/too many wrong PINs/) },
    });
    await running.pop()!.stop();

    const second = await kiosk(dir);
    expect(await second.host.dispatch('setup.unlock', { pin: '246813' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/too many wrong PINs; try again in \d+ s/) },
    });
  }, 60_000);
});
