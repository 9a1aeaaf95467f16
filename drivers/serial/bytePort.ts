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
