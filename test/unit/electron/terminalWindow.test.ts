import { describe, expect, it } from 'vitest';
import { createTerminalWindow, evaluationWindowOptions, terminalWindowOptions } from '../../../main/electron/terminalWindow.js';
import { FakeBrowserWindow } from '../../support/fakeElectron.js';

const base = { preloadPath: '/app/dist/main/electron/preload.cjs', indexFile: '/app/dist/renderer/index.html' };

describe('Electron terminal window', () => {
  it('is isolated and sandboxed for every role', () => {
    for (const role of ['kiosk', 'counter', 'display'] as const) {
      expect(terminalWindowOptions({ ...base, role }).webPreferences).toMatchObject({
        preload: base.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
      });
    }
  });

  it('puts a kiosk in full-screen kiosk mode, portrait; a counter is a normal 1920×1080 window', () => {
    expect(terminalWindowOptions({ ...base, role: 'kiosk' })).toMatchObject({ kiosk: true, fullscreen: true, width: 1080, height: 1920 });
    expect(terminalWindowOptions({ ...base, role: 'counter' })).toMatchObject({ kiosk: false, fullscreen: false, width: 1920, height: 1080 });
    expect(terminalWindowOptions({ ...base, role: 'display' })).toMatchObject({ kiosk: false, fullscreen: true });
  });

  it('loads the role route and blocks navigation away and new windows', () => {
    const window = createTerminalWindow(FakeBrowserWindow as never, { ...base, role: 'counter' }) as unknown as FakeBrowserWindow;
    expect(window.loaded).toEqual([{ file: base.indexFile, options: { hash: '/counter' } }]);
    const contents = window.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///app/dist/renderer/index.html#/setup')).toBe(false);
  });

  it('puts the evaluation screen on the display facing the citizen, or in a movable window when there is only one', () => {
    expect(evaluationWindowOptions(base, { x: 1920, y: 0, width: 1024, height: 768 })).toMatchObject({ x: 1920, width: 1024, fullscreen: true, kiosk: true, frame: false });
    expect(evaluationWindowOptions(base, null)).toMatchObject({ width: 1280, height: 800, fullscreen: false, kiosk: false, webPreferences: { sandbox: true } });
  });
});
