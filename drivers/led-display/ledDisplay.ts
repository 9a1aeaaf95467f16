import iconv from 'iconv-lite';
import type { BytePort } from '../serial/bytePort.js';
import { OrderedExchange } from '../serial/orderedExchange.js';
import { encodeLedFrame, LedFrameDecoder, ledCommands, maxDataLength, nakReasons, type LedFrame } from './ledFrame.js';

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

/** Not a command of the protocol, and never to be one: its NAK marks the point where display and driver are in step again. */
const probeCommand = 0x7f;

function isReply(frame: LedFrame): boolean {
  return frame.command === ledCommands.ack || frame.command === ledCommands.nak;
}

function isProbeAnswer(reply: LedFrame): boolean {
  return reply.command === ledCommands.nak && reply.data[0] === nakReasons.unknownCommand;
}

/**
 * A window LED display on the RS-485 bus: every command waits for the
 * display's ACK. Replies name the display's address but not the command, so
 * they are matched to commands by order (OrderedExchange); after a command
 * went unanswered, the probe is a frame with the undefined command `7F`,
 * which a display answers with NAK "unknown command" and no command of ours
 * ever does (README: Resynchronising).
 */
export class LedDisplay {
  readonly #decoder = new LedFrameDecoder();
  readonly #exchange: OrderedExchange<LedFrame>;
  readonly #stop: () => void;

  constructor(
    port: BytePort,
    private readonly address: number,
    timeoutMs = 1000,
  ) {
    this.#exchange = new OrderedExchange(port, {
      timeoutMs,
      probe: { frame: encodeLedFrame({ address, command: probeCommand, data: Buffer.alloc(0) }), isAnswer: isProbeAnswer },
      timeoutError: (_what, ms) => new LedDisplayError(`the LED display at address ${address} did not answer within ${ms} ms`),
    });
    // Only ACK and NAK from this display are replies; any other frame (another display's, an echo
    // of a command on a two-wire bus, garbage that happened to check out) answers nothing.
    this.#stop = port.onData((chunk) => {
      for (const event of this.#decoder.push(chunk)) {
        if (event.kind === 'frame' && event.frame.address === this.address && isReply(event.frame)) this.#exchange.receive(event.frame);
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

  async #send(command: number, data: Buffer): Promise<void> {
    const frame = encodeLedFrame({ address: this.address, command, data });
    const reply = await this.#exchange.request(frame, `command ${command.toString(16)}`);
    if (reply.command !== ledCommands.ack) throw new LedDisplayError(`the LED display refused the command (NAK ${reply.data[0] ?? 0})`);
  }
}
