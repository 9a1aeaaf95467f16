import { describe, expect, it } from 'vitest';
import { electronScreen } from '../../../main/electron/electronScreen.js';
import { FakeBrowserWindow } from '../../support/fakeElectron.js';

describe("remote care's reach into the Electron window", () => {
  it("captures and reloads the terminal's current window through its webContents", async () => {
    const shown: { window?: FakeBrowserWindow } = {};
    const screen = electronScreen(() => shown.window?.webContents);
    await expect(screen.capture()).rejects.toThrow('the terminal has no window open');
    shown.window = new FakeBrowserWindow({});
    const png = await screen.capture();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.subarray(4).toString()).toBe(`contents ${shown.window.webContents.id}`);
    await screen.reload();
    expect(shown.window.webContents.reloads).toBe(1);
  });
});
