import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { TerminalRole } from '../contract/terminal.js';

export interface TerminalWindowOptions {
  role: TerminalRole;
  preloadPath: string;
  /** The app's page (app://terminal/index.html); the route goes in its hash. */
  pageUrl: string;
  /** DevTools only when the terminal was started for development (--dev-tools). */
  devTools?: boolean;
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
      devTools: options.devTools ?? false,
      // A hall display announces calls with no one there to touch it first.
      autoplayPolicy: options.role === 'display' ? 'no-user-gesture-required' : 'user-gesture-required',
    },
  };
}

export interface ScreenArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The counter's citizen-facing evaluation screen (好差评): full-screen on the
 * second display facing the citizen; without one, a window the clerk can
 * move onto whatever screen the citizen sees.
 */
export function evaluationWindowOptions(
  options: Omit<TerminalWindowOptions, 'role'>,
  citizenDisplay: ScreenArea | null,
): BrowserWindowConstructorOptions {
  const locked = terminalWindowOptions({ ...options, role: 'counter' });
  if (!citizenDisplay) return { ...locked, width: 1280, height: 800, fullscreen: false };
  return { ...locked, ...citizenDisplay, fullscreen: true, kiosk: true, frame: false };
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** A window of the app, locked down, at `route` (the role's screen unless told: "evaluate"). */
export function createTerminalWindow(
  BrowserWindowClass: WindowConstructor,
  options: TerminalWindowOptions,
  route: string = options.role,
  windowOptions: BrowserWindowConstructorOptions = terminalWindowOptions(options),
): BrowserWindow {
  const window = new BrowserWindowClass(windowOptions);
  // Navigation, new windows and DevTools are held back for every page by contentsGuard.
  void window.loadURL(`${options.pageUrl}#/${route}`);
  return window;
}
