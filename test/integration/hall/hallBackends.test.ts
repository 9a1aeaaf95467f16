import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../kiosk-config/paths.js';
import { runCli, startCli, type ServingCli } from '../../support/cliProcess.js';
import { useTempDirs } from '../../support/tempDir.js';
import { launchScreen, type ScreenSession } from '../../support/screenSession.js';

const tempDir = useTempDirs();
const fixtureAdapter = path.join(packageRoot, 'test', 'fixtures', 'fixtureBackends.mjs');

async function rpc(screen: ScreenSession, method: string, input: unknown): Promise<{ result?: unknown; error?: { code: string } }> {
  return (await screen.rpc(method, input)).json() as Promise<{ result?: unknown; error?: { code: string } }>;
}

async function stop(process: ServingCli | undefined): Promise<void> {
  process?.child.kill('SIGTERM');
  await process?.exited;
}

/** A kiosk enrolled with the hall at `hallUrl`, served on a free port. */
async function enrolledKiosk(dir: string, db: string, hallUrl: string): Promise<ServingCli> {
  const code = (await runCli(['hall', 'enroll-code', '--db', db, '--terminal', 'K-31', '--role', 'kiosk'])).stdout.trim();
  const config = path.join(dir, 'k31.json');
  await writeFile(config, JSON.stringify({ terminalId: 'K-31', hallId: 'h', role: 'kiosk', upstream: hallUrl, dataDir: 'data' }));
  expect((await runCli(['enroll', '--hall', hallUrl, '--code', code, '--config', config])).code).toBe(0);
  return startCli(['serve', '--config', config, '--port', '0']);
}

describe('onewindow hall --backends: the government back ends are configured, not wired in', () => {
  it('uses an adapter module given by path, and says so at start', async () => {
    const dir = await tempDir();
    const db = path.join(dir, 'hall.db');
    const hall = await startCli(['hall', '--db', db, '--port', '0', '--backends', fixtureAdapter]);
    let kiosk: ServingCli | undefined;
    try {
      expect(hall.output().stdout).toContain(`back ends: ${fixtureAdapter}`);
      kiosk = await enrolledKiosk(dir, db, hall.urls[0]!.replace(/\/$/, ''));
      const screen = await launchScreen(kiosk.urls[0]!);
      const scanned = await rpc(screen, 'citizen.scanEid', { code: 'fixture-adapter-eid' });
      expect(scanned.error).toBeUndefined();
      expect(scanned.result).toMatchObject({ citizen: { maskedName: expect.stringMatching(/^适/) } });
      // The demo adapters' own e-ID codes are unknown to this hall's adapter.
      expect((await rpc(screen, 'citizen.scanEid', { code: 'demo-eid-wang-xiaoming' })).error).toBeDefined();
    } finally {
      await stop(kiosk);
      await stop(hall);
    }
  }, 90_000);

  it('runs the fictional demo adapters by default, and says they are fictional', async () => {
    const hall = await startCli(['hall', '--db', path.join(await tempDir(), 'hall.db'), '--port', '0']);
    try {
      expect(hall.output().stdout).toContain('back ends: demo (fictional: no government system is connected)');
    } finally {
      await stop(hall);
    }
  });

  it('refuses a module that cannot be loaded or is no adapter, naming what is missing', async () => {
    const db = path.join(await tempDir(), 'hall.db');
    const missing = await runCli(['hall', '--db', db, '--port', '0', '--backends', './no-such-adapter.js']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--backends ./no-such-adapter.js: cannot load the adapter module');
    const notAdapter = await runCli(['hall', '--db', db, '--port', '0', '--backends', 'zod']);
    expect(notAdapter.code).toBe(2);
    expect(notAdapter.stderr).toContain('--backends zod: createBackends: expected an exported function createBackends()');
  });
});
