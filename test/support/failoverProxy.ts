import net, { type AddressInfo } from 'node:net';

export interface FailoverProxy {
  /** http://127.0.0.1:PORT: what the terminals behind it are given as the hall's address. */
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP load balancer on loopback in active/backup mode: each new connection goes to the first of `targets`
 * that accepts it, so when a hall process dies its terminals' next connections reach the other.
 */
export async function startFailoverProxy(targets: readonly string[]): Promise<FailoverProxy> {
  const sockets = new Set<net.Socket>();
  const connectFirst = (client: net.Socket, index: number): void => {
    if (index >= targets.length) {
      client.destroy();
      return;
    }
    const { hostname, port } = new URL(targets[index]!);
    const upstream = net.connect(Number(port), hostname);
    sockets.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (connected) client.destroy();
      else connectFirst(client, index + 1);
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      if (connected) client.destroy();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    connectFirst(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
