import { readFile } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';
import { z } from 'zod';
import type { ScreenControl } from './screenControl.js';

const targetsSchema = z.array(z.object({ type: z.string(), url: z.string(), webSocketDebuggerUrl: z.string().optional() }));
const replySchema = z.object({
  id: z.number(),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ message: z.string() }).optional(),
});

/**
 * The screen of a Chromium started with `--remote-debugging-port=0` and
 * `--user-data-dir=profileDir`: Chromium writes the port it chose into
 * `DevToolsActivePort` there, on loopback only. Each call opens a short
 * DevTools connection to the terminal's page (the one at `pageOrigin`).
 */
export class CdpScreen implements ScreenControl {
  #profileDir: string | null = null;

  constructor(private readonly pageOrigin: () => string) {}

  /** The browser was started with this profile; until then there is no screen to reach. */
  attach(profileDir: string): void {
    this.#profileDir = profileDir;
  }

  async capture(): Promise<Buffer> {
    const { data } = z.object({ data: z.base64() }).parse(await this.#call('Page.captureScreenshot', { format: 'png' }));
    return Buffer.from(data, 'base64');
  }

  async reload(): Promise<void> {
    await this.#call('Page.reload', { ignoreCache: true });
  }

  async #endpoint(): Promise<string> {
    if (!this.#profileDir) throw new Error('no browser screen was started by this terminal');
    const [port] = (await readFile(path.join(this.#profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
    const response = await fetch(`http://127.0.0.1:${Number(port)}/json/list`, { signal: AbortSignal.timeout(5000) });
    const targets = targetsSchema.parse(await response.json());
    const page = targets.find((target) => target.type === 'page' && target.url.startsWith(this.pageOrigin()));
    if (!page?.webSocketDebuggerUrl) throw new Error("the browser shows no page of this terminal's");
    return page.webSocketDebuggerUrl;
  }

  async #call(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const socket = new WebSocket(await this.#endpoint(), { perMessageDeflate: false, maxPayload: 64 * 1024 * 1024 });
    try {
      return await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the browser did not answer ${method} within 15 s`)), 15_000);
        socket.on('error', reject);
        socket.on('open', () => socket.send(JSON.stringify({ id: 1, method, params })));
        socket.on('message', (data) => {
          const reply = replySchema.safeParse(JSON.parse(String(data)));
          if (!reply.success || reply.data.id !== 1) return;
          clearTimeout(timer);
          if (reply.data.error) reject(new Error(`${method}: ${reply.data.error.message}`));
          else resolve(reply.data.result ?? {});
        });
      });
    } finally {
      socket.close();
    }
  }
}
