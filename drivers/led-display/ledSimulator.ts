import iconv from 'iconv-lite';
import type { BytePort } from '../serial/bytePort.js';
import { broadcastAddress, encodeLedFrame, LedFrameDecoder, ledCommands, nakReasons, type LedFrame } from './ledFrame.js';

export interface LedShowing {
  text: string;
  scroll: boolean;
  speed: number;
  brightness: number;
}

const knownCommands = new Set<number>([ledCommands.status, ledCommands.showText, ledCommands.clear, ledCommands.brightness]);

/** A window LED display on the far end of a serial line: records what it shows. */
export class LedDisplaySimulator {
  showing: LedShowing = { text: '', scroll: false, speed: 5, brightness: 8 };
  /** Every text it was asked to show, in order. */
  readonly history: string[] = [];
  readonly #decoder = new LedFrameDecoder();
  readonly #stop: () => void;
  #lateByMs = 0;
  #refusal: number | null = null;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly port: BytePort,
    readonly address: number,
  ) {
    this.#stop = port.onData((chunk) => {
      for (const event of this.#decoder.push(chunk)) {
        if (event.kind === 'bad-frame') {
          if (event.address === this.address) void this.#reply(ledCommands.nak, Buffer.from([nakReasons.badChecksum]));
          continue;
        }
        if (event.frame.address === this.address || event.frame.address === broadcastAddress) this.#handle(event.frame);
      }
    });
  }

  close(): void {
    this.#stop();
  }

  /** The next reply leaves only after `ms`, as from a busy display; later replies queue up behind it. */
  answerNextLate(ms: number): void {
    this.#lateByMs = ms;
  }

  /** The next command it knows is refused with this NAK reason instead of carried out, as a display with a fault does. */
  refuseNext(reason: number): void {
    this.#refusal = reason;
  }

  /** Raw bytes onto the line at once, whatever replies are queued: noise, an echo, a frame cut short by a glitch. */
  sendNoise(bytes: Buffer): Promise<void> {
    return this.port.write(bytes).catch(() => undefined);
  }

  #handle(frame: LedFrame): void {
    const answer = frame.address !== broadcastAddress;
    const ok = () => answer && void this.#reply(ledCommands.ack, Buffer.alloc(0));
    const nak = (reason: number) => answer && void this.#reply(ledCommands.nak, Buffer.from([reason]));
    const refusal = this.#refusal;
    if (refusal !== null && knownCommands.has(frame.command)) {
      this.#refusal = null;
      return void nak(refusal);
    }
    switch (frame.command) {
      case ledCommands.status:
        return void ok();
      case ledCommands.showText: {
        if (frame.data.length < 2) return void nak(nakReasons.badData);
        const text = iconv.decode(frame.data.subarray(2), 'gb18030');
        this.showing = { ...this.showing, text, scroll: frame.data[0] === 1, speed: frame.data[1]! };
        this.history.push(text);
        return void ok();
      }
      case ledCommands.clear:
        this.showing = { ...this.showing, text: '' };
        return void ok();
      case ledCommands.brightness: {
        const level = frame.data[0] ?? 0;
        if (level < 1 || level > 16) return void nak(nakReasons.badData);
        this.showing = { ...this.showing, brightness: level };
        return void ok();
      }
      default:
        return void nak(nakReasons.unknownCommand);
    }
  }

  #reply(command: number, data: Buffer): Promise<void> {
    const lateByMs = this.#lateByMs;
    this.#lateByMs = 0;
    return this.#write(encodeLedFrame({ address: this.address, command, data }), lateByMs);
  }

  /** Writes in order, `afterMs` late if asked: a display answers one frame at a time. */
  #write(bytes: Buffer, afterMs: number): Promise<void> {
    const write = async () => {
      if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs));
      await this.port.write(bytes);
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing.catch(() => undefined);
  }
}
