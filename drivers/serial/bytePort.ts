/**
 * What a driver needs of a transport: bytes out, bytes in, and word when the
 * link is gone (unplugged, pty closed). Serial ports, HID devices and test
 * pipes all offer this.
 */
export interface BytePort {
  write(data: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): () => void;
  /**
   * Called once when the link closes for any reason other than close(). Best
   * effort: the OS does not always report a hang-up (a pty's other end going
   * away, say), so whoever must know polls the device (the reader's find-card
   * loop, the device manager's health check) and treats no answer as gone.
   */
  onLost(listener: (reason: Error) => void): () => void;
  close(): Promise<void>;
}

/**
 * The "link lost" bookkeeping every BytePort shares: tell listeners once,
 * and not at all once the port was closed on purpose.
 */
export class LinkLoss {
  #closed = false;
  readonly #listeners = new Set<(reason: Error) => void>();

  get closed(): boolean {
    return this.#closed;
  }

  lose(reason: Error): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of this.#listeners) listener(reason);
  }

  /** Marks a deliberate close; returns false when the link was already closed or lost. */
  close(): boolean {
    const wasOpen = !this.#closed;
    this.#closed = true;
    return wasOpen;
  }

  onLost(listener: (reason: Error) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
