import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../main/contract/rpc.js';
import { packageRoot, profilesDir } from '../../../kiosk-config/paths.js';
import type { FakeBrowserWindow } from '../../support/fakeElectron.js';

const fake = await vi.hoisted(async () => (await import('../../support/fakeElectron.js')).createFakeElectron());
vi.mock('electron', () => fake);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-electron-'));
const appUrl = pathToFileURL(path.join(packageRoot, 'dist', 'renderer', 'index.html')).href;
const savedArgv = process.argv;
process.argv = ['electron', 'main.js', '--config', path.join(profilesDir, 'demo-kiosk.json'), '--data-dir', dataDir];
process.env.ONEWINDOW_LOG_LEVEL = 'silent';
await import('../../../main/electron/main.js');
await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(1));
const window = fake.BrowserWindow.created[0] as FakeBrowserWindow;
const handler = fake.ipcMain.handlers.get(ipcChannels.call)!;
const fromWindow = { sender: { id: window.webContents.id }, senderFrame: { url: `${appUrl}#/kiosk`, parent: null } };

afterAll(() => {
  process.argv = savedArgv;
});

describe('Electron main process (against a fake electron module)', () => {
  it('creates the host in-process and one locked-down kiosk window at the kiosk route', () => {
    expect(window.options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.loaded[0]?.options).toEqual({ hash: '/kiosk' });
    expect(existsSync(path.join(dataDir, 'K-01.db'))).toBe(true);
  });

  it('denies every permission request (camera, geolocation, …)', () => {
    const answers: boolean[] = [];
    for (const handlePermission of fake.permissionHandlers) handlePermission({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
  });

  it('answers the window over IPC from the real host and database', async () => {
    const result = (await handler(fromWindow, 'catalogue.categories', {})) as { ok: boolean; result: { id: string }[] };
    expect(result.ok).toBe(true);
    expect(result.result.map((category) => category.id)).toContain('certificates');
    expect(await handler({ ...fromWindow, sender: { id: 999 } }, 'terminal.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('forwards host events to its windows', async () => {
    const unlocked = (await handler(fromWindow, 'setup.unlock', { pin: '246813' })) as { result: { setupToken: string } };
    await handler(fromWindow, 'catalogue.reload', { setupToken: unlocked.result.setupToken });
    const catalogueEvents = window.webContents.sent.filter((sent) => (sent.payload as { event: string }).event === 'catalogue.changed');
    expect(catalogueEvents).toEqual([{ channel: ipcChannels.event, payload: { event: 'catalogue.changed', payload: { categories: 6 } } }]);
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
