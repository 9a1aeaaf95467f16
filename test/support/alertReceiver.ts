import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlertMessage } from '../../main/contract/health.js';

/** A webhook receiver on loopback: what it got, and a way to be down (nothing listening on its port) for a while. */
export interface AlertReceiver {
  url: string;
  received: AlertMessage[];
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number): Promise<AlertMessage[]>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startAlertReceiver(): Promise<AlertReceiver> {
  const received: AlertMessage[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let server: http.Server;
  let port = 0;
  const listen = async () => {
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(JSON.parse(body) as AlertMessage);
        response.writeHead(204).end();
        for (const waiter of waiters.filter((entry) => received.length >= entry.count)) waiter.resolve();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen();
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    waitFor: (count) =>
      new Promise((resolve) => {
        if (received.length >= count) return resolve(received);
        waiters.push({ count, resolve: () => resolve(received) });
      }),
    down: stop,
    up: listen,
    close: stop,
  };
}
