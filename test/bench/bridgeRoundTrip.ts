import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchScreen } from '../support/screenSession.js';
import { startTestTerminal } from '../support/testTerminal.js';
import { medianMs, report } from './measure.js';

/**
 * A screen's call through the bridge (HTTP, screen cookie and role check, zod both ways,
 * sqlite read) against a bare loopback HTTP round trip with the same answer:
 * what the bridge costs over the network floor.
 */
export async function benchBridgeRoundTrip(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-'));
  const terminal = await startTestTerminal(dir);
  const rpcUrl = new URL('api/rpc/catalogue.categories', terminal.bridge.url);
  const { headers } = await launchScreen(terminal.launchUrl());
  const answer = JSON.stringify(await (await fetch(rpcUrl, { method: 'POST', headers, body: '{}' })).json());

  const bare = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  const runs = 400;
  const bridge = await medianMs(runs, async () => (await fetch(rpcUrl, { method: 'POST', headers, body: '{}' })).json());
  const floor = await medianMs(runs, async () => (await fetch(bareUrl, { method: 'POST', body: '{}' })).json());
  const inProcess = await medianMs(runs, () => terminal.host.dispatch('catalogue.categories', {}));
  report('bridge RPC catalogue.categories (median)', bridge, 'bare loopback HTTP', floor);
  report('in-process dispatch catalogue.categories (median)', inProcess, 'bare loopback HTTP', floor);

  bare.close();
  await terminal.stop();
  await rm(dir, { recursive: true, force: true });
}
