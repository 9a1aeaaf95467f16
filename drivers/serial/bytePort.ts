/**
 * What a driver needs of a transport: bytes out, bytes in, and word when the
 * link is gone (unplugged, pty closed). Serial ports, HID devices and test
 * pipes all offer this.
 */
export interface BytePort {
  write(data: Buffer): Promise<void>;
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the link closes for any reason other than close(). */
  onLost(listener: (reason: Error) => void): () => void;
  close(): Promise<void>;
}
