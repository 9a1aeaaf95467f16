// A stand-in for the `electron` module, which cannot be installed on machines
// without internet: records what the main process asks of it.
type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  devToolsClosed = 0;

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  closeDevTools() {
    this.devToolsClosed += 1;
  }
  reloads = 0;
  /** What capturePage "sees": a PNG signature and the id of these contents, so a test can tell whose page it got. */
  async capturePage() {
    return { toPNG: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(`contents ${this.id}`)]) };
  }
  reload() {
    this.reloads += 1;
  }
  crashed = 0;
  /** Ends the renderer, as Electron's does: 'render-process-gone' follows, not at once. */
  forcefullyCrashRenderer() {
    this.crashed += 1;
    queueMicrotask(() => this.emit('render-process-gone', { reason: 'killed', exitCode: 9 }));
  }
  /** Fires an event as Electron would (an event object first); returns whether the app prevented it. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
  /** Fires a navigation event; returns whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    return this.emit(event, url);
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: { file: string; options: unknown }[] = [];
  readonly loadedUrls: string[] = [];
  readonly listeners = new Map<string, Listener[]>();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
  async loadFile(file: string, options: unknown) {
    this.loaded.push({ file, options });
  }
  async loadURL(url: string) {
    this.loadedUrls.push(url);
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  /** Fires a window event as Electron would (an event object first). */
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => undefined }, ...args);
  }
}

export class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

/** Two displays: the clerk's (primary) and the one facing the citizen. */
export const fakeDisplays = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } },
];

export function createFakeElectron() {
  const appListeners = new Map<string, Listener>();
  const permissionHandlers: Listener[] = [];
  const permissionChecks: ((...args: unknown[]) => boolean)[] = [];
  const errorBoxes: string[] = [];
  const applicationMenus: unknown[] = [];
  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  let exitCode: number | undefined;
  let quitCount = 0;
  // As in Electron, every new window's contents are announced to the app first.
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      appListeners.get('web-contents-created')?.({}, this.webContents);
    }
  }
  return {
    BrowserWindow,
    ipcMain: new FakeIpcMain(),
    Menu: { setApplicationMenu: (menu: unknown) => applicationMenus.push(menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    app: {
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      quit: () => (quitCount += 1),
      exit: (code: number) => (exitCode = code),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => permissionHandlers.push(handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => permissionChecks.push(handler),
      },
    },
    screen: { getPrimaryDisplay: () => fakeDisplays[0]!, getAllDisplays: () => fakeDisplays },
    dialog: { showErrorBox: (_title: string, message: string) => errorBoxes.push(message) },
    appListeners,
    permissionHandlers,
    permissionChecks,
    errorBoxes,
    applicationMenus,
    privilegedSchemes,
    protocolHandlers,
    exitCode: () => exitCode,
    quitCount: () => quitCount,
  };
}
