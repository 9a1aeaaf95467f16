import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import type { Logger } from '../../../lib/logger.js';
import { resolveDataDir } from '../../host/dataDir.js';
import { openRunLedger, runLedgerFileOf } from '../../host/runLedger.js';
import { untilStopSignal } from '../../../lib/stopSignal.js';
import { devToolsEndpoint, devToolsPortFileOf, startBrowserChild, type BrowserChild } from './browserProcess.js';
import { startHostChild, type HostChild } from './hostProcess.js';
import { recordIncident } from '../../services/health/incidentLog.js';
import { sendPageHome, pingPage } from './pagePing.js';
import { RestartBudget } from '../../../lib/restartBudget.js';
import { systemdNotifier } from './systemdNotify.js';

export interface LauncherOptions {
  cliPath: string;
  configFile: string;
  port: number;
  dataDir?: string;
  chromium: string;
  logger: Logger;
  /** How often the page is asked to answer (ONEWINDOW_PAGE_PING_MS, default 10 s), and how long it has (default 5 s). */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
}

/** The port to give the host: the one asked for, or a free one kept across host restarts. */
async function fixedPort(port: number): Promise<number> {
  if (port !== 0) return port;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return free;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `onewindow start` in browser mode: runs the host and the screen as child
 * processes and keeps both alive. A host that exits is restarted and the
 * screen sent home; a Chromium that exits is relaunched; a page that stops
 * answering two pings is relaunched. Each restart backs off in a crash loop
 * and is logged and told to the hall (`terminal.incident`).
 */
export async function runLauncher(options: LauncherOptions): Promise<number> {
  const { logger } = options;
  const loaded = await loadTerminalConfig(options.configFile);
  const { terminalId, role } = loaded.config;
  const dataDir = resolveDataDir(loaded, options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const databasePath = path.join(dataDir, `${terminalId}.db`);
  const ledger = await openRunLedger(runLedgerFileOf(dataDir, terminalId, 'launcher'), logger);
  const profileDir = path.join(dataDir, `${terminalId}.chromium-profile`);
  const port = await fixedPort(options.port);
  const serveArgs = ['--config', path.resolve(options.configFile), '--port', String(port), '--data-dir', dataDir];
  const hostEnv = { ONEWINDOW_DEVTOOLS_PORT_FILE: devToolsPortFileOf(profileDir) };
  const pingIntervalMs = options.pingIntervalMs ?? Number(process.env.ONEWINDOW_PAGE_PING_MS ?? 10_000);
  // A page busy loading on a loaded machine answers late, not never: the time to answer does not shrink with the interval.
  const pingTimeoutMs = options.pingTimeoutMs ?? 5000;

  let stopping = false;
  let host: HostChild | null = null;
  let browser: BrowserChild | null = null;
  let origin = '';
  let homeUrl = '';
  let hungKill = false;
  let answered = false;
  let misses = 0;

  const hostBudget = new RestartBudget();
  const runHost = async (): Promise<string> => {
    const current = startHostChild(options.cliPath, serveArgs, hostEnv);
    host = current;
    hostBudget.started();
    const forget = ledger.record({ pid: current.child.pid!, marker: serveArgs.join(' ') });
    current.child.stdout!.pipe(process.stdout);
    void current.exited.then(async (how) => {
      forget();
      if (stopping) return;
      // A restart the hall asked for is no crash: at once, and no incident (the hall has the command's result).
      if (!current.restartAsked()) {
        const { delayMs, crashLoop } = hostBudget.exited();
        await recordIncident(databasePath, logger, { kind: 'host-exited', detail: how, restartInMs: delayMs, crashLoop });
        await delay(delayMs);
      }
      if (stopping) return;
      await runHost().catch((error: unknown) => logger.warn({ err: error }, 'launcher: the host did not come back'));
      // The screen lost its host: back to its home screen, as a citizen walking up should find it.
      const endpoint = await devToolsEndpoint(profileDir);
      if (endpoint) await sendPageHome(endpoint, origin, homeUrl);
    });
    return current.served;
  };

  /** A one-time launch URL from the host that runs now, waiting out a host restart. */
  const freshLaunchUrl = async (): Promise<string | null> => {
    while (!stopping) {
      try {
        return await host!.launchUrl();
      } catch (error) {
        logger.warn({ err: error }, 'launcher: no launch code from the host yet; asking again');
        await delay(1000);
      }
    }
    return null;
  };

  const browserBudget = new RestartBudget();
  const runBrowser = (url: string): void => {
    browser = startBrowserChild(options.chromium, url, profileDir, role);
    browserBudget.started();
    hungKill = false;
    answered = false;
    misses = 0;
    const forget = ledger.record({ pid: browser.child.pid!, marker: profileDir });
    void browser.exited.then(async (how) => {
      forget();
      if (stopping) return;
      const { delayMs, crashLoop } = browserBudget.exited();
      await recordIncident(databasePath, logger, {
        kind: hungKill ? 'screen-hung' : 'screen-exited',
        detail: hungKill ? `the page did not answer two pings of ${pingTimeoutMs} ms` : how,
        restartInMs: delayMs,
        crashLoop,
      });
      await delay(delayMs);
      // Each Chromium redeems a code of its own: a cookie from the last one may never have reached the profile on disk.
      const url = await freshLaunchUrl();
      if (url) runBrowser(url);
    });
  };

  origin = new URL(await runHost()).origin;
  homeUrl = `${origin}/#/${role}`;
  console.log(`OneWindow ${role} ${terminalId} at ${homeUrl}, screen in ${options.chromium} (DevTools: ${devToolsPortFileOf(profileDir)})`);
  runBrowser((await freshLaunchUrl())!);
  const systemd = systemdNotifier();
  systemd.ready();
  const stopWatchdog = systemd.watchdog(() => !stopping);

  let pinging = false;
  const pinger = setInterval(() => {
    if (pinging) return;
    pinging = true;
    void (async () => {
      const current = browser;
      const endpoint = await devToolsEndpoint(profileDir);
      if (!current || current.child.exitCode !== null || current.child.signalCode !== null || !endpoint) return;
      if (await pingPage(endpoint, origin, pingTimeoutMs)) {
        misses = 0;
        answered = true;
        return;
      }
      // A Chromium still starting (a slow machine, a cold disk) is not hung: only a page that has answered can stop answering.
      if (!answered) return;
      misses += 1;
      if (misses < 2 || current !== browser) return;
      misses = 0;
      // A renderer stuck in a loop does not take a reload: a new Chromium on the same profile does.
      hungKill = true;
      current.child.kill('SIGKILL');
    })().finally(() => (pinging = false));
  }, pingIntervalMs);

  await untilStopSignal();
  stopping = true;
  clearInterval(pinger);
  stopWatchdog();
  const running = [host as HostChild | null, browser as BrowserChild | null].filter((child) => child !== null);
  for (const child of running) child.child.kill('SIGTERM');
  await Promise.all(running.map((child) => child.exited));
  ledger.close();
  return 0;
}
