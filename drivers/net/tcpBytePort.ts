import net from 'node:net';
import type { BytePort } from '../serial/bytePort.js';

/** A TCP connection (a network printer's port 9100) as a BytePort. */
export function openTcpBytePort(host: string, port: number, timeoutMs = 3000): Promise<BytePort> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`cannot reach ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot reach ${host}:${port}: ${error.message}`, { cause: error }));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(wrapSocket(socket));
    });
  });
}

function wrapSocket(socket: net.Socket): BytePort {
  let closing = false;
  const lostListeners = new Set<(reason: Error) => void>();
  const lose = (reason: Error) => {
    if (closing) return;
    closing = true;
    for (const listener of lostListeners) listener(reason);
  };
  socket.on('error', lose);
  socket.on('close', () => lose(new Error('the connection closed')));
  socket.setNoDelay(true);
  return {
    write: (data) =>
      new Promise((resolve, reject) => {
        if (closing) return reject(new Error('the connection is closed'));
        socket.write(data, (error) => (error ? reject(error) : resolve()));
      }),
    onData: (listener) => {
      socket.on('data', listener);
      return () => socket.off('data', listener);
    },
    onLost: (listener) => {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    close: async () => {
      closing = true;
      await new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.end(() => resolve());
        setTimeout(() => (socket.destroy(), resolve()), 500).unref();
      });
    },
  };
}
