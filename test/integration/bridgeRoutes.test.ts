import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeScreenHeader } from '../../main/contract/bridge.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import type { BridgeRoute } from '../../main/transport/httpBridge.js';
import { launchScreen } from '../support/screenSession.js';
import { startTestTerminal } from '../support/testTerminal.js';

let terminal: RunningTerminal;
let dir: string;
let port: number;
let cookie: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-routes-'));
  terminal = await startTestTerminal(dir);
  port = terminal.bridge.port;
  cookie = (await launchScreen(terminal.launchUrl())).cookie;
});
afterAll(async () => {
  await terminal.stop();
  await rm(dir, { recursive: true, force: true });
});

/** One request written as-is on a TCP socket (no client library to tidy the target), and the status it got. */
function rawStatus(method: string, target: string, headers: Record<string, string>, body = ''): Promise<number> {
  const lines = [
    `${method} ${target} HTTP/1.1`,
    `host: 127.0.0.1:${port}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  if (body) lines.push('content-type: application/json', `content-length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`no status for ${method} ${target}: ${JSON.stringify(head)}`)));
  });
}

/** A route's pattern with its parameters filled by a call that succeeds whenever it is reached. */
function concretePath(route: BridgeRoute): string {
  return route.url.replace(/:\w+/g, 'terminal.info').replace(/\*/g, 'x');
}

const encode = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/** The same path written every way a parser might take differently from the router. */
function disguises(target: string): string[] {
  const segments = target.split('/').slice(1);
  const [first] = segments;
  const rest = segments.slice(1).join('/');
  // From the second character: a target whose leading slash is encoded is no path at all, and Node refuses its request line (400) before any routing.
  const everyEncoding = [...target].flatMap((char, index) => {
    if (index === 0) return [];
    const before = target.slice(0, index);
    const after = target.slice(index + 1);
    return [
      `${before}${encode(char)}${after}`,
      `${before}${encode(char).toLowerCase()}${after}`,
      `${before}%25${encode(char).slice(1)}${after}`,
    ];
  });
  return [
    ...everyEncoding,
    `http://127.0.0.1:${port}${target}`,
    `http://localhost:${port}${target}`,
    `HTTP://127.0.0.1:${port}${target}`,
    `/${target}`,
    `//${first}//${rest}`,
    `/./${first}/${rest}`,
    `/x/../${first}/${rest}`,
    `/${first}/./${rest}`,
    `/${first}/x/../${rest}`,
    `/%2e/${first}/${rest}`,
    `/x/%2e%2e/${first}/${rest}`,
    `/x/%2E%2E/${first}/${rest}`,
    target.toUpperCase(),
    `/${first!.toUpperCase()}/${rest}`,
    `/${first![0]!.toUpperCase()}${first!.slice(1)}/${rest}`,
    `${target}/`,
    `${target}//`,
    `${target};x=1`,
    `/${first};x/${rest}`,
    `${target}?x=1`,
    `${target}#x`,
  ];
}

describe('bridge access by route, whatever the request target looks like', () => {
  const sameOrigin = () => ({ origin: `http://127.0.0.1:${port}`, [bridgeScreenHeader]: '1' });
  const upgrade = {
    upgrade: 'websocket',
    connection: 'Upgrade',
    'sec-websocket-version': '13',
    'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
  };

  it('lists its routes from the server, and every route but the page, its assets, launch and pairing needs a screen', () => {
    const routes = terminal.bridge.routes;
    expect(routes.some((route) => route.url === '/api/rpc/:method')).toBe(true);
    expect(routes.some((route) => route.websocket)).toBe(true);
    const open = new Set(routes.filter((route) => !route.needsScreen).map((route) => route.url));
    expect([...open].sort()).toEqual(['/', '/*', '/index.html', '/launch', '/pair']);
  });

  it('lets the screen in at each protected route as written (so the refusals below mean something)', async () => {
    // The HEAD twin fastify adds to the socket's GET route can never be upgraded: it answers 404 to everyone.
    for (const route of terminal.bridge.routes.filter(
      (candidate) => candidate.needsScreen && !(candidate.websocket && candidate.method === 'HEAD'),
    )) {
      const target = concretePath(route);
      const expected = route.websocket && route.method === 'GET' ? 101 : 200;
      const headers = { ...sameOrigin(), cookie, ...(route.websocket ? upgrade : {}) };
      expect(await rawStatus(route.method, target, headers, route.method === 'POST' ? '{}' : ''), `${route.method} ${target}`).toBe(
        expected,
      );
    }
  });

  it('refuses every disguise of every protected route without the cookie: 401 or 404, WebSocket upgrades too', async () => {
    const protectedRoutes = terminal.bridge.routes.filter((route) => route.needsScreen);
    expect(protectedRoutes.length).toBeGreaterThanOrEqual(2);
    const admitted: string[] = [];
    for (const route of protectedRoutes) {
      const asSocket = route.websocket && route.method === 'GET';
      for (const target of [concretePath(route), ...disguises(concretePath(route))]) {
        const status = await rawStatus(
          route.method,
          target,
          { ...sameOrigin(), ...(asSocket ? upgrade : {}) },
          route.method === 'POST' ? '{}' : '',
        );
        if (status !== 401 && status !== 404) admitted.push(`${route.method} ${target} -> ${status}`);
      }
    }
    expect(admitted).toEqual([]);
  });
});
