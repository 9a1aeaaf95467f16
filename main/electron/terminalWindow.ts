import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import type { TerminalRole } from '../contract/terminal.js';

export interface TerminalWindowOptions {
  role: TerminalRole;
  preloadPath: string;
  /** The built renderer's index.html. */
  indexFile: string;
}

/** The window a role gets: locked down always; a kiosk is full-screen and cannot be left. */
export function terminalWindowOptions(options: TerminalWindowOptions): BrowserWindowConstructorOptions {
  const kiosk = options.role === 'kiosk';
  return {
    width: options.role === 'kiosk' ? 1080 : 1920,
    height: options.role === 'kiosk' ? 1920 : 1080,
    kiosk,
    fullscreen: options.role !== 'counter',
    autoHideMenuBar: true,
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createTerminalWindow(BrowserWindowClass: WindowConstructor, options: TerminalWindowOptions): BrowserWindow {
  const window = new BrowserWindowClass(terminalWindowOptions(options));
  lockDownNavigation(window.webContents, pathToFileURL(options.indexFile).href);
  void window.loadFile(options.indexFile, { hash: `/${options.role}` });
  return window;
}

/**
 * The page may change its own hash (routes) and nothing else: no navigation
 * to another page, no new windows. A link in a data file cannot take a
 * public kiosk onto the web.
 */
export function lockDownNavigation(webContents: WebContents, appUrl: string): void {
  webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (stripHash(url) !== stripHash(appUrl)) event.preventDefault();
  };
  webContents.on('will-navigate', stayInApp);
  webContents.on('will-redirect', stayInApp);
}

function stripHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
