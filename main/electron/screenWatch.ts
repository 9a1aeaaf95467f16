import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { TerminalIncident } from '../contract/terminalIncident.js';
import { RestartBudget } from '../../lib/restartBudget.js';
import type { Logger } from '../../lib/logger.js';

/** What of a window the watch uses (a BrowserWindow has it all). */
export type WatchedWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'loadURL'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'forcefullyCrashRenderer'>;
};

export interface ScreenWatchOptions {
  /** The window's home screen, where it goes back to. */
  homeUrl: string;
  logger: Pick<Logger, 'warn'>;
  /** Tells the hall: the terminal's outbox. */
  record(incident: TerminalIncident): Promise<void>;
  /** How long a page may stay unresponsive (Electron's own judgement) before its renderer is ended. */
  hungMs?: number;
  budget?: RestartBudget;
}

const defaultHungMs = 20_000;

/**
 * Electron's counterpart of the supervising launcher's care for the screen: a
 * renderer that crashed or was killed is loaded afresh at its home screen; a
 * page that stays unresponsive for `hungMs` has its renderer ended, then the
 * same. In a crash loop each reload waits longer. The hall hears of each one.
 */
export function watchScreen(window: WatchedWindow, options: ScreenWatchOptions): void {
  const budget = options.budget ?? new RestartBudget();
  const hungMs = options.hungMs ?? defaultHungMs;
  let hungTimer: NodeJS.Timeout | undefined;
  let endedAsHung = false;

  window.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    clearTimeout(hungTimer);
    // A clean exit is the window closing, not a fault.
    if (window.isDestroyed() || details.reason === 'clean-exit') {
      endedAsHung = false;
      return;
    }
    const { delayMs, crashLoop } = budget.exited();
    void options.record({
      kind: endedAsHung ? 'screen-hung' : 'screen-exited',
      detail: endedAsHung ? `the page did not answer for ${hungMs} ms` : `${details.reason}, exit code ${details.exitCode}`,
      restartInMs: delayMs,
      crashLoop,
    });
    endedAsHung = false;
    setTimeout(() => {
      if (window.isDestroyed()) return;
      budget.started();
      // A load that fails (the page died again while loading) ends in another render-process-gone, which retries.
      window.loadURL(options.homeUrl).catch((error: unknown) => options.logger.warn({ err: error }, 'reloading the screen failed'));
    }, delayMs).unref();
  });
  window.on('unresponsive', () => {
    clearTimeout(hungTimer);
    hungTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      endedAsHung = true;
      window.webContents.forcefullyCrashRenderer();
    }, hungMs);
    hungTimer.unref();
  });
  window.on('responsive', () => clearTimeout(hungTimer));
  window.on('closed', () => clearTimeout(hungTimer));
}
