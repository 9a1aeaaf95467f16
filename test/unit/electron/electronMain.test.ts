import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../main/contract/rpc.js';
import { packageRoot, profilesDir } from '../../../kiosk-config/paths.js';
import type { FakeBrowserWindow } from '../../support/fakeElectron.js';
import { openDatabase } from '../../../lib/sqlite/database.js';

const fake = await vi.hoisted(async () => (await import('../../support/fakeElectron.js')).createFakeElectron());
vi.mock('electron', () => fake);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-electron-'));
const appUrl = 'app://terminal/index.html';
const savedArgv = process.argv;
process.argv = ['electron', 'main.js', '--config', path.join(profilesDir, 'demo-kiosk.json'), '--data-dir', dataDir];
process.env.ONEWINDOW_LOG_LEVEL = 'silent';
await import('../../../main/electron/main.js');
await vi.waitFor(() => expect(fake.BrowserWindow.created, fake.errorBoxes.join()).toHaveLength(1), { timeout: 10_000 });
const window = fake.BrowserWindow.created[0] as FakeBrowserWindow;
const handler = fake.ipcMain.handlers.get(ipcChannels.call)!;
const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: `${appUrl}#/kiosk`, parent: null } };

afterAll(() => {
  process.argv = savedArgv;
});

describe('Electron main process (against a fake electron module)', () => {
  it('creates the host in-process and one locked-down kiosk window at the kiosk route', () => {
    expect(window.options).toMatchObject({
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window.loadedUrls).toEqual([`${appUrl}#/kiosk`]);
    expect(existsSync(path.join(dataDir, 'K-01.db'))).toBe(true);
  });

  it('denies every permission request (camera, geolocation, …)', () => {
    const answers: boolean[] = [];
    for (const handlePermission of fake.permissionHandlers) handlePermission({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.permissionChecks.map((check) => check({}, 'media'))).toEqual([false]);
  });

  it('has no application menu and no DevTools', () => {
    expect(fake.applicationMenus).toEqual([null]);
    expect(window.options).toMatchObject({ webPreferences: { devTools: false } });
    window.webContents.emit('devtools-opened');
    expect(window.webContents.devToolsClosed).toBe(1);
  });

  it('guards the window it made like any web page: no window.open, no leaving the app origin, no <webview>', () => {
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(window.webContents.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(window.webContents.navigate('will-navigate', pathToFileURL(path.join(packageRoot, 'dist', 'renderer', 'index.html')).href)).toBe(
      true,
    );
    expect(window.webContents.navigate('will-navigate', `${appUrl}#/setup`)).toBe(false);
    expect(window.webContents.emit('will-attach-webview', {}, {})).toBe(true);
  });

  it('serves the built renderer over a privileged app:// scheme, with the CSP naming the hall', async () => {
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const serve = fake.protocolHandlers.get('app')!;
    const page = await serve(new Request(`${appUrl}`));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const csp = page.headers.get('content-security-policy')!;
    // The demo kiosk's hall is embedded, on a loopback port of its own: that origin, and nothing wider.
    const connect = /(?:^|; )connect-src ([^;]*)/.exec(csp)![1]!.split(' ');
    expect(connect).toEqual(["'self'", expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/)]);
    expect(await fetch(`${connect[1]}/docs`).then((answer) => answer.json())).toMatchObject({ openapi: expect.any(String) });
    expect((await serve(new Request('app://x/../../etc/passwd'))).status).toBe(404);
    expect((await serve(new Request('app://terminal/..%2f..%2f..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('answers the window over IPC from the real host and database', async () => {
    const result = (await handler(fromWindow, 'catalogue.categories', {})) as { ok: boolean; result: { id: string }[] };
    expect(result.ok).toBe(true);
    expect(result.result.map((category) => category.id)).toContain('certificates');
    expect(await handler({ ...fromWindow, sender: { id: 999 } }, 'terminal.info', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('forwards host events to its windows', async () => {
    const unlocked = (await handler(fromWindow, 'setup.unlock', { pin: '246813' })) as { result: { setupToken: string } };
    await handler(fromWindow, 'catalogue.reload', { setupToken: unlocked.result.setupToken });
    const catalogueEvents = window.webContents.sent.filter((sent) => (sent.payload as { event: string }).event === 'catalogue.changed');
    expect(catalogueEvents).toEqual([{ channel: ipcChannels.event, payload: { event: 'catalogue.changed', payload: { categories: 6 } } }]);
  });

  it('loads a crashed screen afresh at its home, and the hall hears of it', async () => {
    window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(window.loadedUrls).toEqual([`${appUrl}#/kiosk`, `${appUrl}#/kiosk`]));
    const hall = await openDatabase(path.join(dataDir, 'embedded-hall.db'), { readOnly: true });
    try {
      const pushed = async () =>
        (await hall.all<{ payload: string }>("SELECT payload FROM terminal_event WHERE type = 'terminal.incident'")).map((row) =>
          JSON.parse(row.payload),
        );
      await vi.waitFor(async () => expect(await pushed()).toEqual([expect.objectContaining({ kind: 'screen-exited', crashLoop: 0 })]), {
        timeout: 10_000,
      });
    } finally {
      await hall.close();
    }
  });

  it('closes the database before quitting', async () => {
    const willQuit = fake.appListeners.get('will-quit')!;
    let prevented = false;
    willQuit({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.quitCount()).toBe(1), { timeout: 10_000 });
    // A cleanly closed WAL database leaves no -wal file behind.
    expect(existsSync(path.join(dataDir, 'K-01.db-wal'))).toBe(false);
  });
});
