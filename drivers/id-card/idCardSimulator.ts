import { performance } from 'node:perf_hooks';
import type { BytePort } from '../serial/bytePort.js';
import { encodeCardText } from './cardText.js';
import type { SimulatedCardText } from './demoCards.js';
import { demoPhoto } from './demoCards.js';
import { commands, encodeResponse, parseCommandBody, SamFrameDecoder, type SamCommand, type SamResponse } from './samFrame.js';

export type MidReadFault = 'status' | 'truncate';

export interface IdCardSimulatorOptions {
  /** Pace answers as a real UART at this rate would (10 bits a byte); instant when absent. */
  paceBaud?: number;
}

const ok = 0x90;
/** Commands a simulator keeps for reading; a card read is five. */
export const keptCommands = 100;

/**
 * A SAM ID-card reader that speaks the same bytes as the real one, on the
 * far end of a pseudo-terminal. A test or the demo puts a card on it, takes it
 * away, or pulls it out in the middle of a read. It keeps the last
 * `keptCommands` commands it received for tests to read: a demo kiosk runs for days.
 */
export class IdCardSimulator {
  readonly received: SamCommand[] = [];
  readonly #decoder = new SamFrameDecoder();
  #card: { text: Buffer; photo: Buffer } | null = null;
  #fault: MidReadFault | null = null;
  #lateByMs = 0;
  #writing: Promise<void> = Promise.resolve();
  readonly #stop: () => void;

  constructor(
    private readonly port: BytePort,
    private readonly options: IdCardSimulatorOptions = {},
  ) {
    this.#stop = port.onData((chunk) => this.#receive(chunk));
  }

  insert(card: SimulatedCardText, photo: Buffer = demoPhoto()): void {
    this.#card = { text: encodeCardText(card), photo };
  }

  /** Puts raw text-block bytes on the reader, for cards no encoder would make. */
  insertRaw(text: Buffer, photo: Buffer = demoPhoto()): void {
    this.#card = { text, photo };
  }

  remove(): void {
    this.#card = null;
  }

  /** The next read loses the card halfway: a failed-read status, or an answer cut off mid-frame. */
  pullOutDuringNextRead(fault: MidReadFault): void {
    this.#fault = fault;
  }

  /**
   * The next answer leaves only after `ms`, as from a reader busy with a slow
   * card; like a real reader, it answers nothing else in the meantime, so the
   * answers to later commands queue up behind it.
   */
  answerNextLate(ms: number): void {
    this.#lateByMs = ms;
  }

  /** Line noise, as a long cable picks up. */
  sendNoise(bytes: Buffer): Promise<void> {
    return this.#send(bytes);
  }

  close(): void {
    this.#stop();
  }

  #receive(chunk: Buffer): void {
    for (const event of this.#decoder.push(chunk)) {
      if (event.kind === 'checksum-error') void this.#answer({ sw1: 0, sw2: 0, sw3: 0x10, data: Buffer.alloc(0) });
      if (event.kind !== 'frame') continue;
      const command = parseCommandBody(event.body);
      if (!command) {
        void this.#answer({ sw1: 0, sw2: 0, sw3: 0x11, data: Buffer.alloc(0) });
        continue;
      }
      this.received.push(command);
      if (this.received.length > keptCommands) this.received.splice(0, this.received.length - keptCommands);
      void this.#respond(command);
    }
  }

  async #respond({ cmd, para }: SamCommand): Promise<void> {
    const is = (command: readonly [number, number]) => cmd === command[0] && para === command[1];
    const status = (sw3: number, data = Buffer.alloc(0)) => this.#answer({ sw1: 0, sw2: 0, sw3, data });
    if (is(commands.reset) || is(commands.samStatus)) return status(ok);
    if (is(commands.samId)) return status(ok, Buffer.from('05.01-20261124-0000000001'.padEnd(16, ' ').slice(0, 16)));
    if (is(commands.findCard)) return this.#card ? status(0x9f, Buffer.alloc(4)) : status(0x80);
    if (is(commands.selectCard)) return this.#card ? status(ok, Buffer.alloc(8)) : status(0x81);
    if (is(commands.readTextAndPhoto)) return this.#read();
    return status(0x21);
  }

  async #read(): Promise<void> {
    const card = this.#card;
    if (!card) return this.#answer({ sw1: 0, sw2: 0, sw3: 0x41, data: Buffer.alloc(0) });
    const lengths = Buffer.alloc(4);
    lengths.writeUInt16BE(card.text.length, 0);
    lengths.writeUInt16BE(card.photo.length, 2);
    const answer: SamResponse = { sw1: 0, sw2: 0, sw3: ok, data: Buffer.concat([lengths, card.text, card.photo]) };
    const fault = this.#fault;
    this.#fault = null;
    if (fault === null) return this.#answer(answer);
    this.#card = null;
    if (fault === 'status') return this.#answer({ sw1: 0, sw2: 0, sw3: 0x41, data: Buffer.alloc(0) });
    const frame = encodeResponse(answer);
    return this.#send(frame.subarray(0, Math.floor(frame.length / 2)));
  }

  #answer(response: SamResponse): Promise<void> {
    const lateByMs = this.#lateByMs;
    this.#lateByMs = 0;
    return this.#send(encodeResponse(response), lateByMs);
  }

  /**
   * Writes in order, `afterMs` late if asked. Paced, each 32-byte piece
   * leaves no earlier than a UART at the configured rate would have finished
   * sending it (10 bits a byte), counted from the start of the answer so
   * timer rounding does not add up.
   */
  #send(bytes: Buffer, afterMs = 0): Promise<void> {
    const write = async () => {
      if (afterMs > 0) await new Promise((resolve) => setTimeout(resolve, afterMs));
      const baud = this.options.paceBaud;
      if (!baud) return this.port.write(bytes);
      const start = performance.now();
      for (let offset = 0; offset < bytes.length; offset += 32) {
        const piece = bytes.subarray(offset, offset + 32);
        const due = start + ((offset + piece.length) * 10 * 1000) / baud;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(due - performance.now()))));
        await this.port.write(piece);
      }
    };
    this.#writing = this.#writing.then(write, write);
    return this.#writing.catch(() => undefined);
  }
}
