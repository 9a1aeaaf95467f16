import net from 'node:net';
import { LinkLoss, type BytePort } from '../serial/bytePort.js';

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
  const link = new LinkLoss();
  socket.on('error', (error) => link.lose(error));
  socket.on('close', () => link.lose(new Error('the connection closed')));
  socket.setNoDelay(true);
  return {
    write: (data) =>
      new Promise((resolve, reject) => {
        if (link.closed) return reject(new Error('the connection is closed'));
        socket.write(data, (error) => (error ? reject(error) : resolve()));
      }),
    onData: (listener) => {
      socket.on('data', listener);
      return () => socket.off('data', listener);
    },
    onLost: (listener) => link.onLost(listener),
    close: async () => {
      link.close();
      await new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.end(() => resolve());
        setTimeout(() => (socket.destroy(), resolve()), 500).unref();
      });
    },
  };
}
