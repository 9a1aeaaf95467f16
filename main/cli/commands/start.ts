import { spawn } from 'node:child_process';
import path from 'node:path';
import { profilesDir } from '../../../kiosk-config/paths.js';
import type { Logger } from '../../../lib/logger.js';
import { findChromium, findElectronBinary } from '../findBrowser.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { runTerminal, untilStopSignal } from '../runTerminal.js';
import { defaultPort } from './serve.js';
import { runLauncher } from '../launcher/launcher.js';
import { packageRoot } from '../../../kiosk-config/paths.js';

export const startHelp = `Usage: onewindow start [--config FILE] [--port N] [--data-dir DIR]

Starts the terminal as it runs in the hall:
  1. in Electron, when its binary is installed;
  2. otherwise the host in Node ("serve") and the system Chromium in --app mode
     (full-screen kiosk mode for a kiosk), both supervised: a host that exits is
     restarted, a Chromium that exits or a page that stops answering (a
     DevTools ping every ONEWINDOW_PAGE_PING_MS, default 10 s) is relaunched,
     with backoff in a crash loop; each incident is logged and sent to the hall.
     The host finds Chromium's DevTools port in the file named by
     ONEWINDOW_DEVTOOLS_PORT_FILE (first line: the port, on 127.0.0.1);
  3. otherwise serves and prints the URL to open.

  --config FILE    terminal configuration (default kiosk-config/profiles/demo-kiosk.json)
  --port N         bridge port when Electron is absent (default ${defaultPort})
  --data-dir DIR   where the terminal's database lives`;

export async function startCommand(args: string[], logger: Logger): Promise<number> {
  const { values } = parseCommandArgs('start', args, {
    config: { type: 'string' },
    port: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  if (values.help) {
    console.log(startHelp);
    return 0;
  }
  const configFile = path.resolve(values.config ?? path.join(profilesDir, 'demo-kiosk.json'));
  const port = parsePort('start', values.port, defaultPort);

  const electron = findElectronBinary();
  if (electron) {
    const electronArgs = [path.join(packageRoot, 'dist', 'main', 'electron', 'main.js'), '--config', configFile];
    if (values['data-dir']) electronArgs.push('--data-dir', values['data-dir']);
    const child = spawn(electron, electronArgs, { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  const chromium = findChromium();
  if (chromium) {
    return runLauncher({
      cliPath: path.join(packageRoot, 'dist', 'main', 'cli', 'onewindow.js'),
      configFile,
      port,
      chromium,
      logger,
      ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    });
  }
  const terminal = await runTerminal({
    configFile,
    port,
    logger,
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  });
  console.log(`OneWindow ${terminal.host.config.role} ${terminal.host.config.terminalId} serving at ${terminal.launchUrl()}`);
  console.log('Neither Electron nor Chromium is installed: open the URL above in a browser. Its launch code works once.');
  await untilStopSignal();
  await terminal.stop();
  return 0;
}
