import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../main/contract/rpc.js';
import { profilesDir } from '../../../kiosk-config/paths.js';
import type { FakeBrowserWindow } from '../../support/fakeElectron.js';

const fake = await vi.hoisted(async () => (await import('../../support/fakeElectron.js')).createFakeElectron());
vi.mock('electron', () => fake);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-electron-counter-'));
const appUrl = 'app://terminal/index.html';
const savedArgv = process.argv;
process.argv = ['electron', 'main.js', '--config', path.join(profilesDir, 'demo-counter.json'), '--data-dir', dataDir];
process.env.ONEWINDOW_LOG_LEVEL = 'silent';
await import('../../../main/electron/main.js');
await vi.waitFor(() => expect(fake.BrowserWindow.created).toHaveLength(2), { timeout: 10_000 });
const [clerk, citizen] = fake.BrowserWindow.created as FakeBrowserWindow[];

afterAll(async () => {
  process.argv = savedArgv;
  fake.appListeners.get('will-quit')!({ preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.quitCount()).toBe(1), { timeout: 10_000 });
});

describe('Electron counter: the clerk window and the citizen-facing evaluation window', () => {
  it('opens the evaluation screen full-screen on the second display, locked down like the first', () => {
    expect(clerk!.loadedUrls).toEqual([`${appUrl}#/counter`]);
    expect(citizen!.loadedUrls).toEqual([`${appUrl}#/evaluate`]);
    expect(citizen!.options).toMatchObject({
      x: 1920,
      y: 0,
      width: 1280,
      height: 800,
      fullscreen: true,
      kiosk: true,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    expect(citizen!.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('both windows are answered over IPC and hear the host events', async () => {
    const handler = fake.ipcMain.handlers.get(ipcChannels.call)!;
    const from = (window: FakeBrowserWindow, route: string) => ({
      sender: { id: window.webContents.id },
      senderFrame: { url: `${appUrl}#/${route}`, parent: null },
    });
    expect(await handler(from(citizen!, 'evaluate'), 'evaluation.pending', {})).toEqual({ ok: true, result: { request: null } });
    expect(await handler(from(clerk!, 'counter'), 'counter.state', {})).toMatchObject({ ok: true, result: { window: 3 } });
    const unlocked = (await handler(from(clerk!, 'counter'), 'setup.unlock', { pin: '246813' })) as { result: { setupToken: string } };
    await handler(from(clerk!, 'counter'), 'catalogue.reload', { setupToken: unlocked.result.setupToken });
    for (const window of [clerk!, citizen!]) {
      expect(window.webContents.sent.some((sent) => (sent.payload as { event: string }).event === 'catalogue.changed')).toBe(true);
    }
  });
});
