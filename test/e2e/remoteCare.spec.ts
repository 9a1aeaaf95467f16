import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { profilesDir } from '../../kiosk-config/paths.js';
import { saveIdentity } from '../../main/sync/identityStore.js';
import { cliPath, runCli } from '../support/cliProcess.js';
import { startLoopbackHall, testStaff, type LoopbackHall } from '../support/hallOnLoopback.js';
import { a11yViolations } from './accessibility.js';
import { screenshotDir } from './servedTerminal.js';

test.setTimeout(180_000);

let hall: LoopbackHall;
let dir: string;
let kiosk: { child: ChildProcess; exited: Promise<unknown> };
let kioskBrowser: Browser;

/** PNG width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

test.beforeAll(async () => {
  hall = await startLoopbackHall('sqlite');
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-care-'));
  await mkdir(path.join(dir, 'data'));
  await mkdir(path.join(dir, 'tmp'));
  await saveIdentity(path.join(dir, 'data'), { ...(await hall.enroll('K-01', { role: 'kiosk' })), hallUrl: hall.url });
  const config = JSON.parse(await readFile(path.join(profilesDir, 'demo-kiosk.json'), 'utf8'));
  delete config.$schema;
  await writeFile(path.join(dir, 'kiosk.json'), JSON.stringify({ ...config, upstream: hall.url, hallPingIntervalMs: 500 }));
  // This machine has no display: the browser `start` launches is the system Chromium, headless, and otherwise as launched.
  const headless = path.join(dir, 'chromium-headless');
  await writeFile(headless, '#!/bin/sh\nexec /usr/bin/chromium --headless=new --window-size=1080,1920 "$@"\n');
  await chmod(headless, 0o755);
  // Started by hand rather than with startCli: on a busy machine the launcher takes longer than startCli's 20 s to print its URL.
  const child = spawn(
    process.execPath,
    [cliPath, 'start', '--config', path.join(dir, 'kiosk.json'), '--data-dir', path.join(dir, 'data')],
    {
      env: { ...process.env, ONEWINDOW_CHROMIUM: headless, ONEWINDOW_LOG_LEVEL: 'info', TMPDIR: path.join(dir, 'tmp') },
    },
  );
  kiosk = { child, exited: new Promise((resolve) => child.on('exit', resolve)) };
  child.stderr.resume();
  child.stdout.resume();
  // The test looks at the same browser through the DevTools port Chromium wrote into the profile `start` gave it.
  const activePort = async () => {
    const profile = (await readdir(path.join(dir, 'tmp'))).find((name) => name.startsWith('onewindow-chromium-'));
    if (!profile) return '';
    return (await readFile(path.join(dir, 'tmp', profile, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n')[0] ?? '';
  };
  await expect.poll(activePort, { timeout: 90_000 }).not.toBe('');
  const port = await activePort();
  kioskBrowser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
});

test.afterAll(async () => {
  kiosk?.child.kill('SIGTERM');
  // The launcher stays while its browser runs: close that browser too.
  await (await kioskBrowser?.newBrowserCDPSession())?.send('Browser.close').catch(() => undefined);
  const killer = setTimeout(() => kiosk?.child.kill('SIGKILL'), 10_000);
  await kiosk?.exited;
  clearTimeout(killer);
  await hall?.close();
  await rm(dir, { recursive: true, force: true });
});

const kioskPage = () =>
  kioskBrowser
    .contexts()[0]!
    .pages()
    .find((page) => page.url().startsWith('http://127.0.0.1'))!;
const hallCommand = (...args: string[]) => runCli(['hall', 'command', '--db', path.join(hall.dir, 'hall.db'), 'K-01', ...args]);

test('from the hall, a technician screenshots the kiosk (staff page and CLI) and restarts it; it comes back to its home screen', async ({
  browser,
}) => {
  await expect.poll(() => kioskPage()?.locator('.category-tile').count() ?? 0, { timeout: 30_000 }).toBe(6);
  await expect(kioskPage().getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 15_000 });

  // The staff page: log in, send "screenshot", see the result with the picture.
  const care = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await care.goto(`${hall.url}/care`);
  await care.getByRole('link', { name: '工作人员登录 · Staff login' }).click();
  await care.getByLabel('用户名 · Username').fill(testStaff.username);
  await care.getByLabel('密码 · Password').fill(testStaff.password);
  await care.getByRole('button', { name: '登录 · Log in' }).click();
  await care.goto(`${hall.url}/care`);
  await care.getByLabel('终端 · Terminal').fill('K-01');
  await care.getByLabel('命令 · Command').selectOption('screenshot');
  await care.getByRole('button', { name: '发送 · Send' }).click();
  const row = care.locator('#commands tbody tr').first();
  await expect(row.locator('.state')).toHaveText('完成 · Done', { timeout: 30_000 });
  await expect(row).toContainText(testStaff.username);
  const shot = row.getByRole('img', { name: 'K-01 屏幕截图 · screenshot' });
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(await kioskPage().evaluate(() => window.innerWidth));
  expect(await a11yViolations(care)).toEqual([]);
  await care.screenshot({ path: path.join(screenshotDir, 'hall-remote-care.png') });

  // The CLI: the same screenshot, written to a file: the kiosk's own page, at its size.
  const out = path.join(dir, 'kiosk.png');
  const taken = await hallCommand('screenshot', '--out', out);
  expect(taken.stdout).toContain('done: screenshot taken');
  expect(taken.code).toBe(0);
  const png = await readFile(out);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const own = await kioskPage().screenshot();
  expect(pngSize(png)).toEqual(pngSize(own));
  await writeFile(path.join(screenshotDir, 'kiosk-remote-screenshot.png'), png);

  // Restart: the host goes down and comes back in the launcher; the screen is reloaded to its home.
  await kioskPage().locator('[data-category="government-services"]').click();
  await expect(kioskPage().locator('.category-tile')).toHaveCount(0);
  const restarted = await hallCommand('restart');
  expect(restarted.stdout).toContain('done: restarting the host');
  await expect.poll(() => kioskPage()?.locator('.category-tile').count() ?? 0, { timeout: 30_000 }).toBe(6);
  await expect(kioskPage().getByTestId('hall-status')).toHaveText('大厅服务器已连接', { timeout: 15_000 });
  // The new host answers the hall: its logs show two starts of the host in this process.
  const logs = await hallCommand('logs', '--lines', '2000');
  expect(logs.code).toBe(0);
  expect(logs.stdout.match(/"msg":"host started"/g)).toHaveLength(2);
});
