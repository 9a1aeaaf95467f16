import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { profilesDir } from '../../kiosk-config/paths.js';
import type { HelperEntry } from '../../lib/helperLedger.js';
import { devToolsEndpoint } from '../../main/cli/launcher/browserProcess.js';
import type { TerminalIncident } from '../../main/contract/terminalIncident.js';
import { runLedgerFileOf } from '../../main/host/runLedger.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { chromiumPath } from '../../playwright.config.js';
import { runCli, startCli, type ServingCli } from '../support/cliProcess.js';
import { startLoopbackHall, type LoopbackHall } from '../support/hallOnLoopback.js';

// `onewindow start --supervise` with the system Chromium (headless here: no display), its page pinged every 2 s,
// enrolled at a hall server on loopback that stores what the terminal reports.
let hall: LoopbackHall;
let launcher: ServingCli;
let dir: string;
/** What the launcher told "systemd": socat stands in for its notify socket (a Unix datagram socket, as systemd's is). */
let notifySocket: ChildProcessWithoutNullStreams | undefined;
let notified = '';
// Datagrams arrive back to back (systemd-notify sends its state, then a BARRIER=1 of its own): counted by occurrence.
const told = (state: string) => notified.split(state).length - 1;
const dataDir = () => path.join(dir, 'data');
const profileDir = () => path.join(dataDir(), 'K-01.chromium-profile');

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hall = await startLoopbackHall('sqlite');
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-launcher-'));
  await mkdir(dataDir());
  await saveIdentity(dataDir(), { ...(await hall.enroll('K-01', { role: 'kiosk' })), hallUrl: hall.url });
  const config = JSON.parse(await readFile(path.join(profilesDir, 'demo-kiosk.json'), 'utf8'));
  delete config.$schema;
  await writeFile(path.join(dir, 'kiosk.json'), JSON.stringify({ ...config, upstream: hall.url, hallPingIntervalMs: 500 }));
  const socketPath = path.join(dir, 'notify.sock');
  notifySocket = spawn('socat', ['-u', `UNIX-RECV:${socketPath}`, '-']);
  notifySocket.stdout.on('data', (chunk: Buffer) => (notified += chunk.toString()));
  await expect
    .poll(() =>
      access(socketPath).then(
        () => true,
        () => false,
      ),
    )
    .toBe(true);
  launcher = await startCli(
    ['start', '--supervise', '--config', path.join(dir, 'kiosk.json'), '--port', '0', '--data-dir', dataDir()],
    1,
    {
      ONEWINDOW_CHROMIUM: chromiumPath,
      ONEWINDOW_CHROMIUM_ARGS: '--headless=new --disable-gpu',
      ONEWINDOW_PAGE_PING_MS: '2000',
      ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent',
      // What a technician fetches from afar: the hosts' info lines.
      ONEWINDOW_LOG_LEVEL: 'info',
      // As systemd runs it (Type=notify, WatchdogSec=2): READY=1 once, WATCHDOG=1 every second.
      NOTIFY_SOCKET: socketPath,
      WATCHDOG_USEC: '2000000',
    },
    90_000,
  );
});
test.afterAll(async () => {
  if (launcher) {
    launcher.child.kill('SIGTERM');
    await launcher.exited;
  }
  notifySocket?.kill();
  await hall?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The launcher's child running now, from the ledger it keeps in the data dir; undefined between a child's end and its restart. */
async function recordedPid(which: 'host' | 'screen'): Promise<number | undefined> {
  const file = runLedgerFileOf(dataDir(), 'K-01', 'launcher');
  // Read while the launcher rewrites it, the file may be empty for a moment.
  const ledger = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as { helpers: HelperEntry[] })
    .catch(() => null);
  return ledger?.helpers.find((helper) => (which === 'screen' ? helper.marker === profileDir() : helper.marker?.includes('--port')))?.pid;
}
async function childPid(which: 'host' | 'screen'): Promise<number> {
  await expect.poll(() => recordedPid(which), { timeout: 30_000 }).toEqual(expect.any(Number));
  return (await recordedPid(which))!;
}
const replaced = async (which: 'host' | 'screen', before: number) => {
  const pid = await recordedPid(which);
  return pid !== undefined && pid !== before;
};

/** Connects to the screen's Chromium through the DevTools port it wrote, and waits for the kiosk home, connected to the hall. */
async function kioskHome(): Promise<{ browser: Browser; page: Page }> {
  let browser: Browser | null = null;
  await expect(async () => {
    const endpoint = await devToolsEndpoint(profileDir());
    expect(endpoint).not.toBeNull();
    browser = await chromium.connectOverCDP(endpoint!, { timeout: 5000 });
  }).toPass({ timeout: 60_000 });
  let page: Page | undefined;
  await expect(async () => {
    page = browser!
      .contexts()
      .flatMap((context) => context.pages())
      .find((candidate) => candidate.url().includes('#/kiosk'));
    expect(page).toBeDefined();
  }).toPass({ timeout: 30_000 });
  await expect(page!.locator('.category-tile')).toHaveCount(6, { timeout: 30_000 });
  await expect(page!).toHaveURL(/\/#\/kiosk$/);
  await expect(page!.getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 15_000 });
  return { browser: browser!, page: page! };
}

/** The incidents the hall received from K-01, in order. */
async function incidentsAtHall(): Promise<TerminalIncident[]> {
  const rows = await hall.db.all<{ payload: string }>(
    "SELECT payload FROM terminal_event WHERE terminal_id = 'K-01' AND type = 'terminal.incident' ORDER BY seq",
  );
  return rows.map((row) => JSON.parse(row.payload) as TerminalIncident);
}
const kindsAtHall = async () => (await incidentsAtHall()).map((incident) => incident.kind);
const hallCommand = (...args: string[]) => runCli(['hall', 'command', '--db', path.join(hall.dir, 'hall.db'), 'K-01', ...args]);

test('the launcher brings the kiosk back to its home screen after the browser is killed, the page hangs, or the host is killed; the hall sees each', async () => {
  test.setTimeout(180_000);
  await (await kioskHome()).browser.close();

  // The browser is killed: a new Chromium, with a launch code of its own, shows the home screen.
  process.kill(await childPid('screen'), 'SIGKILL');
  const relaunched = await kioskHome();
  await expect.poll(kindsAtHall, { timeout: 30_000 }).toEqual(['screen-exited']);

  // The page hangs in an endless loop: it misses two pings, and its Chromium is replaced.
  const hungScreen = await childPid('screen');
  void relaunched.page.evaluate('for (;;) {}').catch(() => undefined);
  await expect.poll(() => replaced('screen', hungScreen), { timeout: 60_000 }).toBe(true);
  await relaunched.browser.close();
  const { page, browser } = await kioskHome();
  await expect.poll(kindsAtHall, { timeout: 30_000 }).toEqual(['screen-exited', 'screen-hung']);

  // The host is killed mid-session: a new host, and the screen is sent back home.
  await page.locator('[data-category="government-services"]').click();
  await expect(page.locator('.category-tile')).toHaveCount(0);
  process.kill(await childPid('host'), 'SIGKILL');
  await expect(page.locator('.category-tile')).toHaveCount(6, { timeout: 60_000 });
  await expect(page).toHaveURL(/\/#\/kiosk$/);
  await expect(page.getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 15_000 });
  await browser.close();
  await expect.poll(kindsAtHall, { timeout: 30_000 }).toEqual(['screen-exited', 'screen-hung', 'host-exited']);
  // The new host's remote logs still hold what the crashed one wrote (the launcher kept its lines), and its own.
  const logs = (await hallCommand('logs', '--lines', '5000')).stdout;
  expect(logs.split('"msg":"host started"').length - 1).toBe(2);
  expect(logs).toContain('launcher: host-exited');

  // Remote care reaches the supervised host: a screenshot through the launcher's Chromium, and a restart the launcher
  // carries out, after which the screen is home again; the hall asked for it, so it is no incident.
  const shot = path.join(dir, 'kiosk.png');
  expect((await hallCommand('screenshot', '--out', shot)).stdout).toContain('done: screenshot taken');
  expect((await readFile(shot)).subarray(1, 4).toString()).toBe('PNG');
  const hostBefore = await childPid('host');
  const cared = await kioskHome();
  await cared.page.locator('[data-category="government-services"]').click();
  await expect(cared.page.locator('.category-tile')).toHaveCount(0);
  expect((await hallCommand('restart')).stdout).toContain('done: restarting the host');
  await expect.poll(() => replaced('host', hostBefore), { timeout: 30_000 }).toBe(true);
  await expect(cared.page.locator('.category-tile')).toHaveCount(6, { timeout: 60_000 });
  await expect(cared.page.getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 15_000 });
  await cared.browser.close();
  expect(await kindsAtHall()).toEqual(['screen-exited', 'screen-hung', 'host-exited']);

  // A crash loop: a browser that dies again right after it came back is relaunched after a growing wait, and the hall is told so.
  const first = await childPid('screen');
  process.kill(first, 'SIGKILL');
  await expect.poll(() => replaced('screen', first), { timeout: 30_000 }).toBe(true);
  process.kill(await childPid('screen'), 'SIGKILL');
  await (await kioskHome()).browser.close();
  await expect.poll(async () => (await incidentsAtHall()).length, { timeout: 30_000 }).toBe(5);
  const quickExit = (await incidentsAtHall())[4]!;
  expect(quickExit).toMatchObject({ kind: 'screen-exited', detail: 'SIGKILL' });
  expect(quickExit.crashLoop).toBeGreaterThanOrEqual(1);
  // Doubling from 1 s, less up to 20 % jitter.
  expect(quickExit.restartInMs).toBeGreaterThanOrEqual(800 * 2 ** (quickExit.crashLoop - 1));
});

// Last: a stopped launcher misses the page's pings too, and what it does about them after is no part of this test.
test('tells systemd it is ready once, then that it is alive every half watchdog period, and nothing while its loop is stuck', async () => {
  test.setTimeout(60_000);
  await expect.poll(() => told('READY=1'), { timeout: 60_000 }).toBe(1);
  const before = told('WATCHDOG=1');
  await new Promise((resolve) => setTimeout(resolve, 3500));
  expect(told('WATCHDOG=1') - before).toBeGreaterThanOrEqual(2);

  // Its event loop stopped (SIGSTOP stands in for a hang): no WATCHDOG=1, so systemd would restart it after WatchdogSec.
  process.kill(launcher.child.pid!, 'SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const frozen = told('WATCHDOG=1');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(told('WATCHDOG=1')).toBe(frozen);
  process.kill(launcher.child.pid!, 'SIGCONT');
  await expect.poll(() => told('WATCHDOG=1'), { timeout: 10_000 }).toBeGreaterThan(frozen);
});
