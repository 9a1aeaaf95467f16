import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bridgeScreenHeader } from '../../main/contract/bridge.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { launchScreen, screenSession, type ScreenSession } from '../support/screenSession.js';
import { startTestTerminal } from '../support/testTerminal.js';

let terminal: RunningTerminal;
let base: string;
let dir: string;
let screen: ScreenSession;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bridge-'));
  terminal = await startTestTerminal(dir);
  base = terminal.bridge.url;
  screen = await launchScreen(terminal.launchUrl());
});
afterAll(async () => {
  await terminal.stop();
  await rm(dir, { recursive: true, force: true });
});

function call(method: string, headers: Record<string, string>, body = '{}') {
  return fetch(new URL(`api/rpc/${method}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function openEvents(headers: Record<string, string>): Promise<{ socket: WebSocket; messages: unknown[] }> {
  const socket = new WebSocket(new URL('api/events', base.replace('http', 'ws')), { headers });
  const messages: unknown[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const ownOrigin = () => new URL(base).origin;

describe('HTTP + WebSocket bridge', () => {
  it('serves a page that holds no secret, and answers a launched screen', async () => {
    const page = await fetch(base);
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).not.toMatch(/onewindow-token|<meta name="onewindow/);
    expect(html).not.toContain(screen.cookie.split('=')[1]);
    const response = await screen.rpc('catalogue.categories');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; result: { id: string; name: { 'zh-CN': string } }[] };
    expect(body.result.map((category) => category.name['zh-CN'])).toEqual([
      '政务服务',
      '证明打印',
      '预约办事',
      '社保与市民卡查询',
      '便民服务',
      '交通出行',
    ]);
  });

  it('exchanges a launch code once for an HttpOnly SameSite=Strict cookie, then refuses the code', async () => {
    const launchUrl = terminal.launchUrl();
    const first = await fetch(launchUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);

    const again = await fetch(launchUrl, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    // The browser that used it, holding its cookie, is let back in (a demo URL opened again) without a new cookie.
    const sameBrowser = await fetch(launchUrl, { redirect: 'manual', headers: { cookie: cookie.split(';')[0]! } });
    expect(sameBrowser.status).toBe(303);
    expect(sameBrowser.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base}launch?code=guess`, { redirect: 'manual' })).status).toBe(401);
  });

  it('refuses a call without the screen cookie, with a forged one, without the header, or from another origin', async () => {
    const [name, value] = screen.cookie.split('=') as [string, string];
    const [id] = value.split('.');
    const refusals: [Record<string, string>, number][] = [
      [{ [bridgeScreenHeader]: '1' }, 401],
      [{ [bridgeScreenHeader]: '1', cookie: `${name}=${id}.forged` }, 401],
      [{ [bridgeScreenHeader]: '1', cookie: `${name}=${value}x` }, 401],
      [{ cookie: screen.cookie }, 403],
      [{ ...screen.headers, origin: 'http://attacker.example' }, 403],
      [{ ...screen.headers, 'sec-fetch-site': 'same-site' }, 403],
      [{ ...screen.headers, 'sec-fetch-site': 'cross-site' }, 403],
    ];
    for (const [headers, status] of refusals) {
      const response = await call('terminal.info', headers);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
    }
    expect((await call('terminal.info', { ...screen.headers, origin: ownOrigin(), 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('answers an invalid payload, malformed JSON and an unknown method with typed errors, no stack', async () => {
    const response = await screen.rpc('setup.unlock', { pin: ['1'] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'pin' }] } });
    const malformed = await call('terminal.info', screen.headers, '{"oops":');
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(body).not.toMatch(/at .*\.js:\d+/);
    const unknown = await screen.rpc('queue.callNext');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it("refuses a method outside the screen's roles: a kiosk screen does not act as a counter", async () => {
    const response = await screen.rpc('counter.act', { act: { action: 'call-next' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('counter.act') },
    });
  });

  it("opens the events socket only for the screen's cookie and its own origin", async () => {
    await expect(openEvents({ origin: ownOrigin() })).rejects.toThrow('HTTP 401');
    await expect(openEvents({ cookie: screen.cookie })).rejects.toThrow('HTTP 403');
    await expect(openEvents({ cookie: screen.cookie, origin: 'http://attacker.example' })).rejects.toThrow('HTTP 403');
    await expect(openEvents({ cookie: screen.cookie, origin: ownOrigin(), 'sec-fetch-site': 'cross-site' })).rejects.toThrow('HTTP 403');
    const { socket } = await openEvents({ cookie: screen.cookie, origin: ownOrigin() });
    socket.close();
  });

  it('refuses a page that reached it under another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const port = new URL(base).port;
      const req = request({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}` } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    const withoutHost = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(base).port) }, () => socket.write('GET / HTTP/1.0\r\n\r\n'));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(withoutHost).toMatch(/^HTTP\/1\.[01] 421/);
  });

  it('pushes events over the WebSocket after a change made through a call', async () => {
    const { socket, messages } = await openEvents({ cookie: screen.cookie, origin: ownOrigin() });
    const wrongPin = await screen.rpc('setup.unlock', { pin: '0000' });
    expect(wrongPin.status).toBe(403);
    const unlocked = (await (await screen.rpc('setup.unlock', { pin: '246813' })).json()) as { result: { setupToken: string } };
    const withoutSetup = await screen.rpc('catalogue.reload', { setupToken: 'not-the-token-at-all' });
    expect(await withoutSetup.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reloaded = await screen.rpc('catalogue.reload', { setupToken: unlocked.result.setupToken });
    expect(await reloaded.json()).toEqual({ ok: true, result: { categories: 6 } });
    // Device and hall status changes arrive on the same socket; this call's event is the catalogue's.
    const catalogueEvents = () => messages.filter((message) => (message as { event: string }).event === 'catalogue.changed');
    await expect.poll(catalogueEvents).toEqual([{ event: 'catalogue.changed', payload: { categories: 6 } }]);
    socket.close();
  });

  it('pairs another screen with a code from setup: once, and not after wrong guesses', async () => {
    const pair = (code: string, headers: Record<string, string> = { [bridgeScreenHeader]: '1' }) =>
      fetch(new URL('pair', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ code }),
      });
    expect(await (await screen.rpc('setup.pairingCode', { setupToken: 'not-the-token-at-all' })).json()).toMatchObject({
      error: { code: 'forbidden' },
    });
    const { setupToken } = ((await (await screen.rpc('setup.unlock', { pin: '246813' })).json()) as { result: { setupToken: string } })
      .result;
    const newCode = async () =>
      ((await (await screen.rpc('setup.pairingCode', { setupToken })).json()) as { result: { code: string } }).result.code;
    const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const code = await newCode();
    expect(code).toMatch(/^\d{6}$/);
    expect((await pair(code, {})).status).toBe(403);
    expect((await pair(code, { [bridgeScreenHeader]: '1', origin: 'http://attacker.example' })).status).toBe(403);
    const paired = await pair(code);
    expect(paired.status).toBe(200);
    const cookie = paired.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const second = screenSession(base, cookie.split(';')[0]!);
    expect((await second.rpc('terminal.info')).status).toBe(200);
    expect((await pair(code)).status).toBe(401);

    const guessed = await newCode();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await pair(wrong(guessed))).status).toBe(401);
    expect((await pair(guessed)).status).toBe(401);
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
