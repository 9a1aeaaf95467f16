import type { BytePort } from '../serial/bytePort.js';
import { parseCardText, type IdCardText } from './cardText.js';
import { commands, encodeCommand, parseResponseBody, SamFrameDecoder, type SamResponse } from './samFrame.js';
import { samStatus, SamStatusError } from './statusWords.js';

export interface IdCard extends IdCardText {
  /** The card's photo as the reader gives it (1024 bytes, WLT-compressed): kept in memory only. */
  photo: Buffer;
}

export class ReaderTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`the ID-card reader did not answer ${what} within ${ms} ms`);
    this.name = 'ReaderTimeoutError';
  }
}

export class ReaderProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReaderProtocolError';
  }
}

/**
 * One conversation with a SAM ID-card reader over any BytePort: a command,
 * then its answer, one at a time. Noise and partial frames are the
 * decoder's business; a missing answer is a timeout.
 */
export class SamReader {
  readonly #decoder = new SamFrameDecoder();
  #pending: { resolve: (response: SamResponse) => void; reject: (error: Error) => void } | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #stopListening: () => void;

  constructor(
    private readonly port: BytePort,
    private readonly timeoutMs = 1500,
  ) {
    this.#stopListening = port.onData((chunk) => this.#receive(chunk));
  }

  command(cmd: number, para: number, data?: Buffer): Promise<SamResponse> {
    const run = () => this.#exchange(cmd, para, data);
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async findCard(): Promise<boolean> {
    const { sw3 } = await this.command(...commands.findCard);
    if (sw3 === 0x9f) return true;
    if (sw3 === 0x80) return false;
    throw new SamStatusError(samStatus(sw3));
  }

  async selectCard(): Promise<void> {
    await this.#expectOk(commands.selectCard);
  }

  async checkSam(): Promise<void> {
    await this.#expectOk(commands.samStatus);
  }

  /** Reads text and photo of the selected card. */
  async readCard(): Promise<IdCard> {
    const { data } = await this.#expectOk(commands.readTextAndPhoto);
    return parseReadData(data);
  }

  /** Find, select and read: the card on the reader, or null when there is none. */
  async readInsertedCard(): Promise<IdCard | null> {
    if (!(await this.findCard())) return null;
    await this.selectCard();
    return this.readCard();
  }

  dispose(): void {
    this.#stopListening();
    this.#pending?.reject(new ReaderProtocolError('the reader was closed'));
    this.#pending = null;
  }

  async #expectOk(command: readonly [number, number]): Promise<SamResponse> {
    const response = await this.command(...command);
    if (response.sw3 !== 0x90) throw new SamStatusError(samStatus(response.sw3));
    return response;
  }

  #exchange(cmd: number, para: number, data?: Buffer): Promise<SamResponse> {
    const name = `command ${hex(cmd)} ${hex(para)}`;
    return new Promise<SamResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending = null;
        this.#decoder.reset();
        reject(new ReaderTimeoutError(name, this.timeoutMs));
      }, this.timeoutMs);
      this.#pending = {
        resolve: (response) => (clearTimeout(timer), resolve(response)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      this.port.write(encodeCommand(cmd, para, data)).catch((error: Error) => this.#settle(null, error));
    });
  }

  #receive(chunk: Buffer): void {
    for (const event of this.#decoder.push(chunk)) {
      if (event.kind === 'frame') {
        const response = parseResponseBody(event.body);
        this.#settle(response, response ? null : new ReaderProtocolError('the reader sent a frame too short to be an answer'));
      } else if (event.kind === 'checksum-error') {
        this.#settle(null, new ReaderProtocolError('the reader sent a frame with a wrong checksum'));
      }
    }
  }

  #settle(response: SamResponse | null, error: Error | null): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    if (response) pending.resolve(response);
    else pending.reject(error ?? new ReaderProtocolError('no answer'));
  }
}

/** The data of a 30 01 answer: text length, photo length (big-endian), text, photo. */
export function parseReadData(data: Buffer): IdCard {
  if (data.length < 4) throw new ReaderProtocolError(`card data too short: ${data.length} bytes`);
  const textLength = data.readUInt16BE(0);
  const photoLength = data.readUInt16BE(2);
  if (data.length < 4 + textLength + photoLength) {
    throw new ReaderProtocolError(`card data says ${textLength}+${photoLength} bytes but carries ${data.length - 4}`);
  }
  const text = parseCardText(data.subarray(4, 4 + textLength));
  const photo = Buffer.from(data.subarray(4 + textLength, 4 + textLength + photoLength));
  return { ...text, photo };
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
