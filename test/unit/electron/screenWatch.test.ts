import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TerminalIncident } from '../../../main/contract/terminalIncident.js';
import { RestartBudget } from '../../../lib/restartBudget.js';
import { watchScreen, type WatchedWindow } from '../../../main/electron/screenWatch.js';
import { FakeBrowserWindow } from '../../support/fakeElectron.js';
import { recordingLogger } from '../../support/silentLogger.js';

const home = 'app://terminal/index.html#/kiosk';

function watched(hungMs = 5000) {
  const window = new FakeBrowserWindow({});
  const incidents: TerminalIncident[] = [];
  const { logger, lines } = recordingLogger();
  watchScreen(window as unknown as WatchedWindow, {
    homeUrl: home,
    logger,
    hungMs,
    record: async (incident) => void incidents.push(incident),
    budget: new RestartBudget(60_000, Date.now),
  });
  return { window, incidents, lines };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Electron's watch over its screens", () => {
  it('loads a crashed page afresh at its home screen and tells the hall', async () => {
    const { window, incidents } = watched();
    window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(0);
    expect(window.loadedUrls).toEqual([home]);
    expect(incidents).toEqual([{ kind: 'screen-exited', detail: 'crashed, exit code 139', restartInMs: 0, crashLoop: 0 }]);
  });

  it('waits longer each time in a crash loop, and not at all after a run that lasted', async () => {
    const { window, incidents } = watched();
    for (let crash = 0; crash < 4; crash += 1) {
      window.webContents.emit('render-process-gone', { reason: 'oom', exitCode: 1 });
      await vi.advanceTimersByTimeAsync(incidents.at(-1)!.restartInMs);
    }
    expect(incidents.map((incident) => incident.crashLoop)).toEqual([0, 1, 2, 3]);
    expect(incidents[3]!.restartInMs).toBeGreaterThan(incidents[1]!.restartInMs);
    expect(window.loadedUrls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(61_000);
    window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    expect(incidents.at(-1)).toMatchObject({ crashLoop: 0, restartInMs: 0 });
  });

  it('ends a page that stays unresponsive, then loads it afresh; one that answers again is left alone', async () => {
    const { window, incidents } = watched(5000);
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(4000);
    window.emit('responsive');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(window.webContents.crashed).toBe(0);
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(5000);
    expect(window.webContents.crashed).toBe(1);
    expect(incidents).toEqual([{ kind: 'screen-hung', detail: 'the page did not answer for 5000 ms', restartInMs: 0, crashLoop: 0 }]);
    await vi.advanceTimersByTimeAsync(1);
    expect(window.loadedUrls).toEqual([home]);
  });

  it('logs a reload that fails (the page died again while loading), leaving the retry to the next crash', async () => {
    const { window, incidents, lines } = watched();
    window.loadURL = () => Promise.reject(new Error('ERR_ABORTED'));
    window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(1);
    expect(incidents).toHaveLength(1);
    expect(lines().map((line) => line.msg)).toContain('reloading the screen failed');
  });

  it('forgets a hang when the window closes', async () => {
    const { window, incidents } = watched(5000);
    window.emit('unresponsive');
    window.destroyed = true;
    window.emit('closed');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(window.webContents.crashed).toBe(0);
    expect(incidents).toEqual([]);
  });

  it('does nothing when the window itself closed', async () => {
    const { window, incidents } = watched();
    window.webContents.emit('render-process-gone', { reason: 'clean-exit', exitCode: 0 });
    window.destroyed = true;
    window.webContents.emit('render-process-gone', { reason: 'crashed', exitCode: 139 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(incidents).toEqual([]);
    expect(window.loadedUrls).toEqual([]);
  });
});
