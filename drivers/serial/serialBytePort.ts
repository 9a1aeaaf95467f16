import { SerialPort } from 'serialport';
import { LinkLoss, type BytePort } from './bytePort.js';

export interface SerialOptions {
  path: string;
  baudRate: number;
}

/** A serial port (8N1) as a BytePort; rejects with the OS's reason when it cannot be opened. */
export async function openSerialBytePort(options: SerialOptions): Promise<BytePort> {
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate,
    dataBits: 8,
    stopBits: 1,
    parity: 'none',
    autoOpen: false,
  });
  await new Promise<void>((resolve, reject) =>
    port.open((error) => (error ? reject(new Error(`cannot open ${options.path}: ${error.message}`)) : resolve())),
  );
  const link = new LinkLoss();
  port.on('close', (error: Error | null) => link.lose(error ?? new Error(`${options.path} closed`)));
  port.on('error', (error: Error) => link.lose(error));
  return {
    write: (data) =>
      new Promise((resolve, reject) => {
        port.write(data, (error) => (error ? reject(error) : port.drain((drainError) => (drainError ? reject(drainError) : resolve()))));
      }),
    onData: (listener) => {
      port.on('data', listener);
      return () => port.off('data', listener);
    },
    onLost: (listener) => link.onLost(listener),
    close: async () => {
      if (!link.close()) return;
      await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
    },
  };
}
