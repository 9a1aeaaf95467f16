import net, { type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface DelayingProxy {
  /** http://127.0.0.1:PORT, to give a terminal instead of the hall's own URL. */
  url: string;
  /** From now on, each chunk the server sends is held this long before the client gets it (0: at once). */
  delay(ms: number): void;
  /** From now on, the server's chunks are held until release(). */
  hold(): void;
  /** Lets every held chunk go (each still after its delay) and stops holding. */
  release(): void;
  close(): Promise<void>;
}

/**
 * A TCP proxy on loopback that passes what the client sends at once and
 * holds what the server answers: a slow hall as a terminal sees it (the
 * hall has done the work; the answer arrives late or, held, not until
 * released). Order within a connection is kept.
 */
export async function startDelayingProxy(target: string): Promise<DelayingProxy> {
  const { hostname, port } = new URL(target);
  let delayMs = 0;
  let gate: { opened: Promise<void>; open: () => void } | null = null;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    // Each chunk waits for the one before it, then for its own delay and the gate as they were when it arrived.
    let chain: Promise<void> = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      const due = sleep(delayMs);
      const opened = gate?.opened;
      chain = chain.then(async () => {
        await Promise.all([due, opened]);
        if (!client.destroyed) client.write(chunk);
      });
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    upstream.on('end', () => void chain.then(end));
    client.on('close', end);
    upstream.on('close', () => void chain.then(end));
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const release = () => {
    gate?.open();
    gate = null;
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delay: (ms) => {
      delayMs = ms;
    },
    hold: () => {
      if (gate) return;
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      gate = { opened, open };
    },
    release,
    close: async () => {
      release();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
