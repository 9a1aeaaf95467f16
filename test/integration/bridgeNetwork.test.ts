import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeScreenHeader } from '../../main/contract/bridge.js';
import type { RunningTerminal } from '../../main/cli/runTerminal.js';
import { launchScreen, screenSession, type ScreenSession } from '../support/screenSession.js';
import { startTestTerminal } from '../support/testTerminal.js';

/** This machine's own non-loopback address: a request to it arrives from a non-loopback peer, as a hall TV's does. */
const ownAddress = Object.values(os.networkInterfaces())
  .flatMap((entries) => entries ?? [])
  .find((entry) => entry.family === 'IPv4' && !entry.internal)?.address;

let terminal: RunningTerminal;
let dir: string;
let port: number;
let local: ScreenSession;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-network-'));
  terminal = await startTestTerminal(dir, 'demo-kiosk', {}, { host: '0.0.0.0', hostNames: ['kiosk-01.hall.example'] });
  port = terminal.bridge.port;
  local = await launchScreen(terminal.launchUrl());
  expect(new URL(local.base).hostname).toBe('127.0.0.1');
});
afterAll(async () => {
  await terminal.stop();
  await rm(dir, { recursive: true, force: true });
});

function statusUnderHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function pairingCode(): Promise<string> {
  const { setupToken } = ((await (await local.rpc('setup.unlock', { pin: '246813' })).json()) as { result: { setupToken: string } }).result;
  return ((await (await local.rpc('setup.pairingCode', { setupToken })).json()) as { result: { code: string } }).result.code;
}

describe('a bridge served to the network (--host 0.0.0.0)', () => {
  it("answers only under this machine's own addresses and names, or configured ones (DNS rebinding)", async () => {
    for (const refused of [`attacker.example:${port}`, `rebind.127.0.0.1.nip.example:${port}`, `kiosk-01.hall.example.evil:${port}`]) {
      expect(await statusUnderHost(refused), refused).toBe(421);
    }
    const accepted = [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `${os.hostname()}:${port}`,
      `KIOSK-01.hall.example:${port}`,
      ...(ownAddress ? [`${ownAddress}:${port}`] : []),
    ];
    for (const host of accepted) expect(await statusUnderHost(host), host).toBe(200);
  });

  it.skipIf(!ownAddress)('gives a screen over the network the display role only, even paired by a technician', async () => {
    const overNetwork = `http://${ownAddress}:${port}/`;
    const paired = await fetch(new URL('pair', overNetwork), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [bridgeScreenHeader]: '1' },
      body: JSON.stringify({ code: await pairingCode() }),
    });
    expect(paired.status).toBe(200);
    const tv = screenSession(overNetwork, paired.headers.get('set-cookie')!.split(';')[0]!);

    for (const method of ['terminal.info', 'status.get', 'queue.board']) {
      const response = await tv.rpc(method);
      expect(response.status, method).toBe(200);
    }
    const refused: [string, unknown][] = [
      ['citizen.consent', {}],
      ['citizen.readCard', { waitSeconds: 0 }],
      ['certificates.print', { type: 'residence' }],
      ['appointments.mine', {}],
      ['queue.takeTicket', { service: 'A' }],
      ['counter.act', { act: { action: 'call-next' } }],
      ['setup.unlock', { pin: '246813' }],
      ['setup.pairingCode', { setupToken: 'x'.repeat(20) }],
    ];
    for (const [method, input] of refused) {
      const response = await tv.rpc(method, input);
      expect(response.status, method).toBe(403);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `a display screen may not call ${method}` },
      });
    }

    // The terminal's own launched screen is a kiosk on loopback, but only a display when it comes over the network.
    const roleRefusal = { ok: false, error: { code: 'forbidden', message: 'a display screen may not call citizen.consent' } };
    expect(await (await local.rpc('citizen.consent')).json()).not.toEqual(roleRefusal);
    expect(await (await screenSession(overNetwork, local.cookie).rpc('citizen.consent')).json()).toEqual(roleRefusal);
  });
});
