import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { syncPaths } from '../../main/contract/syncProtocol.js';
import { HallClient } from '../../main/sync/hallClient.js';
import { ChangeLog } from '../../upstream/sync/changeLog.js';
import { startLoopbackHall } from '../support/hallOnLoopback.js';

const terminals = 200;
const rounds = 200;
const warmUp = 10;

async function connectAll(
  url: () => { url: string; headers?: Record<string, string> },
): Promise<{ sockets: WebSocket[]; received: () => number }> {
  let received = 0;
  const sockets = await Promise.all(
    Array.from({ length: terminals }, () => {
      const target = url();
      const socket = new WebSocket(target.url, target.headers ? { headers: target.headers } : {});
      socket.on('message', () => (received += 1));
      return new Promise<WebSocket>((resolve, reject) => {
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    }),
  );
  return { sockets, received: () => received };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Change announcements fanned out by the hall's live channel to 200 signed
 * WebSocket terminals (each round: a catalogue change published to the
 * database, noticed by the hub (it watches the write-ahead log), sent to all), against a bare ws server
 * broadcasting the same messages to 200 sockets. Rounds of the two alternate, after a few unrecorded ones
 * of each, so both meet the same moments of the machine (its collections, its neighbours).
 */
export async function benchLiveFanOut(): Promise<void> {
  const hall = await startLoopbackHall();
  const enrolled = await Promise.all(Array.from({ length: terminals }, (_, index) => hall.enroll(`T-${index}`, { role: 'display' })));
  let next = 0;
  const liveUrl = `${hall.url.replace('http', 'ws')}${syncPaths.live}`;
  const live = await connectAll(() => ({ url: liveUrl, headers: new HallClient(enrolled[next++]!).signedHeaders(syncPaths.live) }));
  const changes = new ChangeLog(hall.db);
  const bare = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => bare.once('listening', resolve));
  const bareUrl = `ws://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  const plain = await connectAll(() => ({ url: bareUrl }));

  const spent = { live: 0, bare: 0 };
  for (let round = 0; round < warmUp + rounds; round += 1) {
    let start = performance.now();
    await changes.publish('catalogue', new Map([['x', { round }]]));
    await until(() => live.received() >= (round + 1) * terminals);
    if (round >= warmUp) spent.live += performance.now() - start;

    start = performance.now();
    const message = JSON.stringify({ type: 'changed', scope: 'catalogue', cursor: round });
    for (const client of bare.clients) client.send(message);
    await until(() => plain.received() >= (round + 1) * terminals);
    if (round >= warmUp) spent.bare += performance.now() - start;
  }
  const [liveRate, bareRate] = [spent.live, spent.bare].map((ms) => (rounds * terminals) / (ms / 1000)) as [number, number];

  console.log(
    `live: ${liveRate.toFixed(0)} announcements/s to ${terminals} terminals (published to the hall's database → noticed in its write-ahead log → sent, ${rounds} rounds alternating with the bare ones) vs bare ws broadcast ${bareRate.toFixed(0)}/s = ${(liveRate / bareRate).toFixed(2)}×`,
  );
  for (const socket of [...live.sockets, ...plain.sockets]) socket.terminate();
  await new Promise((resolve) => bare.close(resolve));
  await hall.close();
}
