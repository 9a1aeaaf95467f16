import { LinkLoss, type BytePort } from './bytePort.js';

/**
 * Two BytePorts joined end to end in this process: what one writes, the
 * other reads, byte for byte. It stands in for a socat pty pair where socat
 * is not installed; only the OS's serial layer is missing, the bytes the
 * driver and the simulator exchange are the same.
 */
export function memoryBytePair(): { driverEnd: BytePort; simulatorEnd: BytePort } {
  const a = new MemoryEnd();
  const b = new MemoryEnd();
  a.peer = b;
  b.peer = a;
  return { driverEnd: a.port(), simulatorEnd: b.port() };
}

class MemoryEnd {
  peer: MemoryEnd | null = null;
  readonly link = new LinkLoss();
  readonly listeners = new Set<(chunk: Buffer) => void>();

  port(): BytePort {
    return {
      write: async (data) => {
        if (this.link.closed) throw new Error('the in-process serial link is closed');
        const peer = this.peer;
        const copy = Buffer.from(data);
        // Delivered on a later turn, as a serial read would be: a writer never re-enters its own reader.
        setImmediate(() => {
          if (peer && !peer.link.closed) for (const listener of peer.listeners) listener(copy);
        });
      },
      onData: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      onLost: (listener) => this.link.onLost(listener),
      close: async () => {
        if (!this.link.close()) return;
        // Like an unplugged cable: the other end hears its link is gone.
        this.peer?.link.lose(new Error('the other end of the in-process serial link closed'));
      },
    };
  }
}
