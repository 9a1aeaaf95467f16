import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ipcChannels } from '../contract/rpc.js';
import { screenRolesFor } from '../contract/screenRoles.js';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { packageRoot, profilesDir } from '../../kiosk-config/paths.js';
import { createHost, type Host } from '../host/createHost.js';
import { resolveDataDir } from '../host/dataDir.js';
import { connectToHall, type HallConnection } from '../host/hallConnection.js';
import { createLogger } from '../../lib/logger.js';
import { appPageUrl, registerAppScheme, serveApp } from './appProtocol.js';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';
import { denyPermissions, guardAllWebContents } from './contentsGuard.js';
import { ownWindowsCheck, registerIpcHandlers } from './ipcHandlers.js';
import { createTerminalWindow, evaluationWindowOptions } from './terminalWindow.js';
import { electronScreen } from './electronScreen.js';
import { watchScreen } from './screenWatch.js';
import { restartApp } from './appRestart.js';
import { recordIncident } from '../services/health/incidentLog.js';

// Electron's main entry: thin. The host is the same createHost() as in
// `onewindow serve`; only the transport (IPC) and the window differ.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(packageRoot, 'dist', 'renderer');
const { values } = parseArgs({
  args: process.argv.slice(2),
  // --dev-tools: for development only; a terminal in the hall has no DevTools.
  options: { config: { type: 'string' }, 'data-dir': { type: 'string' }, 'dev-tools': { type: 'boolean' } },
  strict: false,
});
const devTools = values['dev-tools'] === true;
// Before `ready`, as Electron requires: app:// is privileged, and every web page is guarded from its creation.
registerAppScheme(protocol);
guardAllWebContents(app, { devTools });
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
  // Remote care: the first window is the citizen's (or clerk's) screen; a restart is the app's (restartApp).
  const shown: { window?: BrowserWindow } = {};
  const care = { screen: electronScreen(() => shown.window?.webContents), restart: () => restartApp(app) };
  host = await createHost({ loaded, dataDir, logger, hallIdentity: hall.identity, care });
  Menu.setApplicationMenu(null);
  denyPermissions(session.defaultSession);
  const { upstream } = loaded.config;
  serveApp(protocol, rendererDir, contentSecurityPolicy(hall.identity?.hallUrl ?? (upstream === 'embedded' ? null : upstream)));

  const windows = new Set<BrowserWindow>();
  const ownIds = () => new Set([...windows].map((window) => window.webContents.id));
  registerIpcHandlers(ipcMain, host.dispatch, ownWindowsCheck(ownIds, appPageUrl), screenRolesFor(host.config.role, false));
  host.events.subscribe((event, payload) => {
    for (const window of windows) window.webContents.send(ipcChannels.event, { event, payload });
  });

  const windowOptions = { role: loaded.config.role, preloadPath: path.join(here, 'preload.cjs'), pageUrl: appPageUrl, devTools };
  const opened = [{ window: createTerminalWindow(BrowserWindow, windowOptions), route: loaded.config.role as string }];
  if (loaded.config.role === 'counter') {
    // The citizen rates the service on their own screen: the display that is not the clerk's.
    const primary = screen.getPrimaryDisplay().id;
    const citizenDisplay = screen.getAllDisplays().find((display) => display.id !== primary)?.bounds ?? null;
    const evaluation = createTerminalWindow(
      BrowserWindow,
      windowOptions,
      'evaluate',
      evaluationWindowOptions(windowOptions, citizenDisplay),
    );
    opened.push({ window: evaluation, route: 'evaluate' });
  }
  shown.window = opened[0]!.window;
  const { databasePath } = host;
  for (const { window, route } of opened) {
    windows.add(window);
    window.on('closed', () => windows.delete(window));
    watchScreen(window, {
      homeUrl: `${appPageUrl}#/${route}`,
      logger,
      record: (incident) => recordIncident(databasePath, logger, incident, 'electron'),
    });
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

app
  .whenReady()
  .then(launch)
  .catch((error: unknown) => {
    dialog.showErrorBox('OneWindow', error instanceof Error ? error.message : String(error));
    app.exit(2);
  });
