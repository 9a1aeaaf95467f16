import { existsSync } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { profilesDir } from '../../kiosk-config/paths.js';
import type { HelperEntry } from '../../lib/helperLedger.js';
import { runLedgerFileOf } from '../../main/host/runLedger.js';
import { startCli, type ServingCli } from '../support/cliProcess.js';
import requireBuild from '../support/requireBuild.js';
import { useTempDirs } from '../support/tempDir.js';

requireBuild();
const tempDir = useTempDirs();
const started: ServingCli[] = [];
afterEach(async () => {
  // A stop as Ctrl-C does it, so a failed test leaves no socat behind either.
  for (const cli of started.splice(0)) {
    if (cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGINT');
      await cli.exited;
    }
  }
});

const counterProfile = path.join(profilesDir, 'demo-counter.json');
const waitLong = { timeout: 30_000, interval: 100 };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function serveCounter(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ServingCli> {
  const cli = await startCli(['serve', '--config', counterProfile, '--port', '0', '--data-dir', dataDir], 1, env, 60_000);
  started.push(cli);
  return cli;
}

/** The socat helpers the running counter recorded: one for its ID-card reader, one for its LED display. */
async function recordedHelpers(dataDir: string): Promise<HelperEntry[]> {
  const file = runLedgerFileOf(dataDir, 'C-03');
  let helpers: HelperEntry[] = [];
  await vi.waitFor(async () => {
    helpers = (JSON.parse(await readFile(file, 'utf8')) as { helpers: HelperEntry[] }).helpers;
    expect(helpers.filter((helper) => helper.pid && helper.folder)).toHaveLength(2);
  }, waitLong);
  return helpers;
}

/** A PATH with node and socat only: no setpriv, so nothing ends socat with its parent and only the next start can. */
async function pathWithoutSetpriv(): Promise<string> {
  const bin = await tempDir();
  await symlink(process.execPath, path.join(bin, 'node'));
  await symlink('/usr/bin/socat', path.join(bin, 'socat'));
  return bin;
}

describe('a terminal killed with kill -9 leaves nothing behind', () => {
  it('its socat helpers end with it; the next start removes their folders; a clean stop leaves no record', async () => {
    const dataDir = await tempDir();
    const first = await serveCounter(dataDir);
    const helpers = await recordedHelpers(dataDir);
    for (const helper of helpers) expect(alive(helper.pid!)).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    await vi.waitFor(() => expect(helpers.filter((helper) => alive(helper.pid!))).toEqual([]), waitLong);
    for (const helper of helpers) expect(existsSync(helper.folder!), 'kill -9 leaves the pty folder').toBe(true);

    const second = await serveCounter(dataDir);
    for (const helper of helpers) expect(existsSync(helper.folder!), `${helper.folder} removed by the next start`).toBe(false);
    expect(second.output().stderr).toContain('cleaned up after an earlier run');
    const fresh = await recordedHelpers(dataDir);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(existsSync(runLedgerFileOf(dataDir, 'C-03'))).toBe(false);
    for (const helper of fresh) {
      expect(alive(helper.pid!)).toBe(false);
      expect(existsSync(helper.folder!)).toBe(false);
    }
  }, 180_000);

  it('where setpriv is missing, helpers adopted by init are ended by the next start', async () => {
    const dataDir = await tempDir();
    const env = { PATH: await pathWithoutSetpriv() };
    const first = await serveCounter(dataDir, env);
    const helpers = await recordedHelpers(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    for (const helper of helpers) expect(alive(helper.pid!), 'without setpriv socat outlives its parent').toBe(true);

    const second = await serveCounter(dataDir, env);
    // The bridge may answer before the host has finished starting (and sweeping): wait for the sweep.
    await vi.waitFor(
      () => {
        for (const helper of helpers) {
          expect(alive(helper.pid!)).toBe(false);
          expect(existsSync(helper.folder!)).toBe(false);
        }
      },
      { timeout: 20_000, interval: 200 },
    );
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
