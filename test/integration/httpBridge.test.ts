import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bridgeTokenMetaName } from '../../main/contract/rpc.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { startTestTerminal } from '../support/testTerminal.js';

let terminal: RunningTerminal;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bridge-'));
  terminal = await startTestTerminal(dir);
  base = terminal.bridge.url;
});
afterAll(async () => {
  await terminal.stop();
  await rm(dir, { recursive: true, force: true });
});

function rpc(method: string, body: unknown, token: string | null = terminal.bridge.token, raw?: string) {
  return fetch(new URL(`api/rpc/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: raw ?? JSON.stringify(body),
  });
}

function openEvents(token: string | null): Promise<{ socket: WebSocket; messages: unknown[] }> {
  const url = new URL('api/events', base.replace('http', 'ws'));
  if (token !== null) url.searchParams.set('token', token);
  const socket = new WebSocket(url);
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('HTTP + WebSocket bridge', () => {
  it('serves the page with the per-launch token, and answers a valid call', async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain(`<meta name="${bridgeTokenMetaName}" content="${terminal.bridge.token}">`);
    const response = await rpc('catalogue.categories', {});
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; result: { id: string; name: { 'zh-CN': string } }[] };
    expect(body.ok).toBe(true);
    expect(body.result.map((category) => category.name['zh-CN'])).toEqual(['政务服务', '证明打印', '预约办事', '社保与市民卡查询', '便民服务', '交通出行']);
  });

  it('answers an invalid payload with a typed error naming the field', async () => {
    const response = await rpc('setup.unlock', { pin: ['1'] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'pin' }] } });
  });

  it('answers malformed JSON and an unknown method with typed errors, no stack', async () => {
    const malformed = await rpc('terminal.info', null, terminal.bridge.token, '{"oops":');
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(body).not.toMatch(/at .*\.js:\d+/);
    const unknown = await rpc('queue.callNext', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses calls without the token, or with a wrong one: 401', async () => {
    for (const token of [null, 'guess', `${terminal.bridge.token}x`]) {
      const response = await rpc('terminal.info', {}, token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // The token belongs in the header for calls; the query form is only for the events socket.
    const inQuery = await fetch(new URL(`api/rpc/terminal.info?token=${terminal.bridge.token}`, base), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(inQuery.status).toBe(401);
  });

  it('refuses the events socket without the token', async () => {
    await expect(openEvents(null)).rejects.toThrow('HTTP 401');
    await expect(openEvents('guess')).rejects.toThrow('HTTP 401');
  });

  it('refuses a page that reached it under another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(base).port;
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('pushes events over the WebSocket after a change made through a call', async () => {
    const { socket, messages } = await openEvents(terminal.bridge.token);
    const wrongPin = await rpc('setup.unlock', { pin: '0000' });
    expect(wrongPin.status).toBe(403);
    const unlocked = (await (await rpc('setup.unlock', { pin: '246813' })).json()) as { result: { setupToken: string } };
    const withoutSetup = await rpc('catalogue.reload', { setupToken: 'not-the-token-at-all' });
    expect(await withoutSetup.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reloaded = await rpc('catalogue.reload', { setupToken: unlocked.result.setupToken });
    expect(await reloaded.json()).toEqual({ ok: true, result: { categories: 6 } });
    // Device and hall status changes arrive on the same socket; this call's event is the catalogue's.
    const catalogueEvents = () => messages.filter((message) => (message as { event: string }).event === 'catalogue.changed');
    await expect.poll(catalogueEvents).toEqual([{ event: 'catalogue.changed', payload: { categories: 6 } }]);
    socket.close();
  });

  it('serves the renderer assets the page links to', async () => {
    const html = await (await fetch(base)).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script!, base));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });
});
