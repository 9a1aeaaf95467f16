// A stand-in for the `electron` module, which cannot be installed on machines
// without internet: records what the main process asks of it.
type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly listeners = new Map<string, Listener[]>();
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

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
  /** Fires a navigation event; returns whether the app prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: { file: string; options: unknown }[] = [];
  readonly listeners = new Map<string, Listener>();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
  async loadFile(file: string, options: unknown) {
    this.loaded.push({ file, options });
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
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
  const errorBoxes: string[] = [];
  let exitCode: number | undefined;
  let quitCount = 0;
  return {
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    app: {
      whenReady: () => Promise.resolve(),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      quit: () => (quitCount += 1),
      exit: (code: number) => (exitCode = code),
    },
    session: { defaultSession: { setPermissionRequestHandler: (handler: Listener) => permissionHandlers.push(handler) } },
    screen: { getPrimaryDisplay: () => fakeDisplays[0]!, getAllDisplays: () => fakeDisplays },
    dialog: { showErrorBox: (_title: string, message: string) => errorBoxes.push(message) },
    appListeners,
    permissionHandlers,
    errorBoxes,
    exitCode: () => exitCode,
    quitCount: () => quitCount,
  };
}
