import WebSocket from 'ws';

interface Target {
  type: string;
  url: string;
  webSocketDebuggerUrl?: string;
}

/** The app's page among Chromium's targets (the one served from `origin`). */
async function appPage(endpoint: string, origin: string): Promise<Target | null> {
  const targets = (await (await fetch(`${endpoint}/json/list`, { signal: AbortSignal.timeout(3000) })).json()) as Target[];
  return targets.find((target) => target.type === 'page' && target.url.startsWith(origin) && target.webSocketDebuggerUrl) ?? null;
}

/** Sends one CDP command to the app's page and waits for its answer up to `timeoutMs`. */
async function command(endpoint: string, origin: string, method: string, params: object, timeoutMs: number): Promise<boolean> {
  const page = await appPage(endpoint, origin).catch(() => null);
  if (!page) return false;
  const socket = new WebSocket(page.webSocketDebuggerUrl!);
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      socket.once('error', () => resolve(false));
      socket.once('open', () => socket.send(JSON.stringify({ id: 1, method, params })));
      socket.on('message', (data: Buffer) => {
        const answer = JSON.parse(data.toString()) as { id?: number; error?: unknown };
        if (answer.id === 1) {
          clearTimeout(timer);
          resolve(!answer.error);
        }
      });
    });
  } finally {
    socket.terminate();
  }
}

/** Whether the page's JavaScript answers within `timeoutMs` (a hung page, an endless loop, does not). */
export function pingPage(endpoint: string, origin: string, timeoutMs: number): Promise<boolean> {
  return command(endpoint, origin, 'Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, timeoutMs);
}

/**
 * Loads the page afresh at `url` (its home screen), as after a host restart.
 * A navigation that changes only the hash would keep the page's state (a
 * citizen's half-done session), so the page is reloaded at its home instead.
 */
export function sendPageHome(endpoint: string, origin: string, url: string): Promise<boolean> {
  const expression = `(() => {
    const home = new URL(${JSON.stringify(url)});
    if (location.pathname + location.search !== home.pathname + home.search) return location.replace(home.href);
    history.replaceState(null, '', home.href);
    location.reload();
  })()`;
  return command(endpoint, origin, 'Runtime.evaluate', { expression }, 5000);
}
