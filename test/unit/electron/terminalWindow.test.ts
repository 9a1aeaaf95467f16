import { describe, expect, it } from 'vitest';
import { createTerminalWindow, evaluationWindowOptions, terminalWindowOptions } from '../../../main/electron/terminalWindow.js';
import { FakeBrowserWindow } from '../../support/fakeElectron.js';

const base = { preloadPath: '/app/dist/main/electron/preload.cjs', pageUrl: 'app://terminal/index.html' };

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
        devTools: false,
      });
    }
    expect(terminalWindowOptions({ ...base, role: 'kiosk', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('puts a kiosk in full-screen kiosk mode, portrait; a counter is a normal 1920×1080 window', () => {
    expect(terminalWindowOptions({ ...base, role: 'kiosk' })).toMatchObject({ kiosk: true, fullscreen: true, width: 1080, height: 1920 });
    expect(terminalWindowOptions({ ...base, role: 'counter' })).toMatchObject({
      kiosk: false,
      fullscreen: false,
      width: 1920,
      height: 1080,
    });
    expect(terminalWindowOptions({ ...base, role: 'display' })).toMatchObject({ kiosk: false, fullscreen: true });
  });

  it('loads the role route from the app:// origin, not from a file', () => {
    const window = createTerminalWindow(FakeBrowserWindow as never, { ...base, role: 'counter' }) as unknown as FakeBrowserWindow;
    expect(window.loadedUrls).toEqual(['app://terminal/index.html#/counter']);
    expect(window.loaded).toEqual([]);
  });

  it('puts the evaluation screen on the display facing the citizen, or in a movable window when there is only one', () => {
    expect(evaluationWindowOptions(base, { x: 1920, y: 0, width: 1024, height: 768 })).toMatchObject({
      x: 1920,
      width: 1024,
      fullscreen: true,
      kiosk: true,
      frame: false,
    });
    expect(evaluationWindowOptions(base, null)).toMatchObject({
      width: 1280,
      height: 800,
      fullscreen: false,
      kiosk: false,
      webPreferences: { sandbox: true },
    });
  });
});
