import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { profilesDir } from '../../../kiosk-config/paths.js';
import type { Logger } from '../../../lib/logger.js';
import { findChromium, findElectronBinary } from '../findBrowser.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { runTerminal } from '../runTerminal.js';
import { untilStopSignal } from '../../../lib/stopSignal.js';
import { defaultPort } from './serve.js';
import { runLauncher } from '../launcher/launcher.js';
import { packageRoot } from '../../../kiosk-config/paths.js';
import { CdpScreen } from '../../services/remoteCare/cdpScreen.js';

export const startHelp = `Usage: onewindow start [--config FILE] [--port N] [--data-dir DIR] [--supervise]

Starts the terminal as it runs in the hall:
  1. in Electron, when its binary is installed (not with --supervise);
  2. otherwise the host in Node ("serve") with the system Chromium in --app
     mode (full-screen kiosk mode for a kiosk), the host in this process
     (remote care reaches the screen over DevTools and restarts the host in
     place); the command ends when Chromium is closed;
     with --supervise (what the systemd unit in deploy/ runs; it fails when no
     Chromium is found), host and Chromium run as supervised children instead
     and are kept alive: a host that exits is restarted and the screen sent
     back home, a Chromium that exits or a page that stops answering (a
     DevTools ping every ONEWINDOW_PAGE_PING_MS, default 10 s, 5 s to answer)
     is relaunched, with backoff in a crash loop; each incident is logged and
     sent to the hall, and systemd is told READY=1 and WATCHDOG=1. Each
     Chromium gets a fresh one-time launch code from the host, over their IPC
     channel (never printed). Remote care reaches the screen through the
     DevTools file named in ONEWINDOW_DEVTOOLS_PORT_FILE; a restart from the
     hall is carried out by the launcher;
  3. otherwise serves and prints the URL to open.

  --config FILE    terminal configuration (default kiosk-config/profiles/demo-kiosk.json)
  --port N         bridge port when Electron is absent (default ${defaultPort})
  --data-dir DIR   where the terminal's database lives
  --supervise      run host and screen under the launcher, kept alive (see 2.)`;

export async function startCommand(args: string[], logger: Logger): Promise<number> {
  const { values } = parseCommandArgs('start', args, {
    config: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    supervise: { type: 'boolean' },
  });
  if (values.help) {
    console.log(startHelp);
    return 0;
  }
  const configFile = path.resolve(values.config ?? path.join(profilesDir, 'demo-kiosk.json'));
  const port = parsePort('start', values.port, defaultPort);

  // Supervision is the browser mode's (systemd waits for its READY=1): it never falls back to Electron or to no screen.
  if (values.supervise) {
    const chromium = findChromium();
    if (!chromium) {
      console.error('onewindow start --supervise: no Chromium found (install chromium, or name it in ONEWINDOW_CHROMIUM)');
      return 1;
    }
    return runLauncher({
      cliPath: path.join(packageRoot, 'dist', 'main', 'cli', 'onewindow.js'),
      configFile,
      port,
      chromium,
      logger,
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    });
  }

  const electron = findElectronBinary();
  if (electron) {
    const electronArgs = [path.join(packageRoot, 'dist', 'main', 'electron', 'main.js'), '--config', configFile];
    if (values['data-dir']) electronArgs.push('--data-dir', values['data-dir']);
    const child = spawn(electron, electronArgs, { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  // Remote care reaches the browser launched below over DevTools, and restarts the host in this process.
  const screen = new CdpScreen(() => new URL(terminal.url).origin);
  const restart = async () => {
    await terminal.stop();
    terminal = await runTerminal({ ...terminalOptions, port: terminal.bridge.port });
    await screen.reload();
  };
  const terminalOptions = {
    configFile,
    port,
    logger,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    care: { screen, restart: () => void restart().catch((error: unknown) => logger.error({ err: error }, 'restarting the host failed')) },
  };
  let terminal = await runTerminal(terminalOptions);
  const chromium = findChromium();
  const profile = chromium ? await mkdtemp(path.join(os.tmpdir(), 'onewindow-chromium-')) : null;
  // Listened for before the address is printed: whoever reads it may stop this at once, and an unheard SIGTERM loses the log's last lines.
  const stopped = untilStopSignal();
  // The browser started here redeems the launch code and becomes the terminal's screen; nobody else sees the code.
  const launchUrl = terminal.launchUrl();
  if (chromium && profile) {
    console.log(`OneWindow ${terminal.host.config.role} ${terminal.host.config.terminalId} serving at ${terminal.url}`);
    console.log(`Electron is not installed; opening it in ${chromium} instead`);
    const browserArgs = [
      `--app=${launchUrl}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--remote-debugging-port=0',
      ...(terminal.host.config.role === 'kiosk' ? ['--kiosk'] : []),
      // A hall display announces calls with no one there to touch it first.
      ...(terminal.host.config.role === 'display' ? ['--autoplay-policy=no-user-gesture-required'] : []),
      // Chromium refuses to run as root with its sandbox on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ];
    const browser = spawn(chromium, browserArgs, { stdio: 'ignore' });
    screen.attach(profile);
    browser.on('exit', () => process.kill(process.pid, 'SIGTERM'));
  } else {
    console.log(`OneWindow ${terminal.host.config.role} ${terminal.host.config.terminalId} serving at ${launchUrl}`);
    console.log('Neither Electron nor Chromium is installed: open the URL above in a browser. Its launch code works once.');
  }
  await stopped;
  await terminal.stop();
  return 0;
}
