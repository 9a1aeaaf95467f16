import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ipcChannels } from '../contract/rpc.js';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { packageRoot, profilesDir } from '../../kiosk-config/paths.js';
import { createHost, type Host } from '../host/createHost.js';
import { resolveDataDir } from '../host/dataDir.js';
import { connectToHall, type HallConnection } from '../host/hallConnection.js';
import { createLogger } from '../../lib/logger.js';
import { ownWindowsCheck, registerIpcHandlers } from './ipcHandlers.js';
import { createTerminalWindow, evaluationWindowOptions } from './terminalWindow.js';

// Electron's main entry: thin. The host is the same createHost() as in
// `onewindow serve`; only the transport (IPC) and the window differ.
const here = path.dirname(fileURLToPath(import.meta.url));
const indexFile = path.join(packageRoot, 'dist', 'renderer', 'index.html');
const appUrl = pathToFileURL(indexFile).href;
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { config: { type: 'string' }, 'data-dir': { type: 'string' } },
  strict: false,
});
const configFile = typeof values.config === 'string' ? values.config : path.join(profilesDir, 'demo-kiosk.json');
const logger = createLogger();
let host: Host | undefined;
let hall: HallConnection | undefined;

async function launch(): Promise<void> {
  const loaded = await loadTerminalConfig(configFile);
  const dataDirArg = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const dataDir = resolveDataDir(loaded, dataDirArg);
  await mkdir(dataDir, { recursive: true });
  hall = await connectToHall(loaded.config, dataDir, logger);
  host = await createHost({ loaded, dataDir, logger, hallIdentity: hall.identity });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));

  const windows = new Set<BrowserWindow>();
  const ownIds = () => new Set([...windows].map((window) => window.webContents.id));
  registerIpcHandlers(ipcMain, host.dispatch, ownWindowsCheck(ownIds, appUrl));
  host.events.subscribe((event, payload) => {
    for (const window of windows) window.webContents.send(ipcChannels.event, { event, payload });
  });

  const windowOptions = { role: loaded.config.role, preloadPath: path.join(here, 'preload.cjs'), indexFile };
  const opened = [createTerminalWindow(BrowserWindow, windowOptions)];
  if (loaded.config.role === 'counter') {
    // The citizen rates the service on their own screen: the display that is not the clerk's.
    const primary = screen.getPrimaryDisplay().id;
    const citizenDisplay = screen.getAllDisplays().find((display) => display.id !== primary)?.bounds ?? null;
    opened.push(createTerminalWindow(BrowserWindow, windowOptions, 'evaluate', evaluationWindowOptions(windowOptions, citizenDisplay)));
  }
  for (const window of opened) {
    windows.add(window);
    window.on('closed', () => windows.delete(window));
  }
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!host) return;
  event.preventDefault();
  const closing = host;
  host = undefined;
  void closing
    .close()
    .then(() => hall?.close())
    .finally(() => app.quit());
});

app.whenReady().then(launch).catch((error: unknown) => {
  dialog.showErrorBox('OneWindow', error instanceof Error ? error.message : String(error));
  app.exit(2);
});
