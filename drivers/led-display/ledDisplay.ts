import iconv from 'iconv-lite';
import type { BytePort } from '../serial/bytePort.js';
import { encodeLedFrame, LedFrameDecoder, ledCommands, maxDataLength, type LedFrame } from './ledFrame.js';

export class LedDisplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedDisplayError';
  }
}

export interface ShowOptions {
  scroll?: boolean;
  /** 1 (slow) to 9 (fast). */
  speed?: number;
}

/** A window LED display on the RS-485 bus: every command waits for the display's ACK. */
export class LedDisplay {
  readonly #decoder = new LedFrameDecoder();
  #pending: ((frame: LedFrame) => void) | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #stop: () => void;

  constructor(
    private readonly port: BytePort,
    private readonly address: number,
    private readonly timeoutMs = 1000,
  ) {
    this.#stop = port.onData((chunk) => {
      for (const event of this.#decoder.push(chunk)) {
        if (event.kind === 'frame' && event.frame.address === this.address) this.#pending?.(event.frame);
      }
    });
  }

  ping(): Promise<void> {
    return this.#send(ledCommands.status, Buffer.alloc(0));
  }

  async show(text: string, options: ShowOptions = {}): Promise<void> {
    const encoded = iconv.encode(text, 'gb18030');
    if (encoded.length > maxDataLength - 2) throw new LedDisplayError(`text too long for the display: ${encoded.length} bytes in GB18030`);
    const speed = Math.min(9, Math.max(1, options.speed ?? 5));
    return this.#send(ledCommands.showText, Buffer.concat([Buffer.from([options.scroll ? 1 : 0, speed]), encoded]));
  }

  clear(): Promise<void> {
    return this.#send(ledCommands.clear, Buffer.alloc(0));
  }

  async brightness(level: number): Promise<void> {
    if (!Number.isInteger(level) || level < 1 || level > 16) throw new LedDisplayError(`brightness must be 1–16, got ${level}`);
    return this.#send(ledCommands.brightness, Buffer.from([level]));
  }

  dispose(): void {
    this.#stop();
  }

  #send(command: number, data: Buffer): Promise<void> {
    const run = () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.#pending = null;
          reject(new LedDisplayError(`the LED display at address ${this.address} did not answer within ${this.timeoutMs} ms`));
        }, this.timeoutMs);
        this.#pending = (reply) => {
          clearTimeout(timer);
          this.#pending = null;
          if (reply.command === ledCommands.ack) resolve();
          else reject(new LedDisplayError(`the LED display refused the command (NAK ${reply.data[0] ?? 0})`));
        };
        this.port.write(encodeLedFrame({ address: this.address, command, data })).catch((error: Error) => {
          clearTimeout(timer);
          this.#pending = null;
          reject(error);
        });
      });
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
