import type { BytePort } from '../serial/bytePort.js';
import { parseCardText, type IdCardText } from './cardText.js';
import { commands, encodeCommand, parseResponseBody, SamFrameDecoder, samIdLength, type SamResponse } from './samFrame.js';
import { samStatus, SamStatusError } from './statusWords.js';
import { OrderedExchange } from '../serial/orderedExchange.js';

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
 * decoder's business; a missing answer is a timeout. SAM answers carry only
 * status words, so they are matched to commands by order (OrderedExchange);
 * after a command went unanswered, reading the SAM ID is the probe, as its
 * answer (status 90 with the 16-byte ID) is the only one of that shape.
 */
export class SamReader {
  readonly #decoder = new SamFrameDecoder();
  readonly #exchange: OrderedExchange<SamResponse>;
  readonly #stopListening: () => void;

  constructor(port: BytePort, timeoutMs = 1500) {
    this.#exchange = new OrderedExchange(port, {
      timeoutMs,
      probe: { frame: encodeCommand(...commands.samId), isAnswer: isSamIdAnswer },
      timeoutError: (what, ms) => new ReaderTimeoutError(what, ms),
    });
    this.#stopListening = port.onData((chunk) => this.#receive(chunk));
  }

  command(cmd: number, para: number, data?: Buffer): Promise<SamResponse> {
    return this.#exchange.request(encodeCommand(cmd, para, data), `command ${hex(cmd)} ${hex(para)}`);
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
    this.#exchange.abort(new ReaderProtocolError('the reader was closed'));
  }

  async #expectOk(command: readonly [number, number]): Promise<SamResponse> {
    const response = await this.command(...command);
    if (response.sw3 !== 0x90) throw new SamStatusError(samStatus(response.sw3));
    return response;
  }

  // A frame with a wrong checksum, or too short to be an answer, answers nothing: the command waits for its answer until the timeout.
  #receive(chunk: Buffer): void {
    for (const event of this.#decoder.push(chunk)) {
      const response = event.kind === 'frame' ? parseResponseBody(event.body) : null;
      if (response) this.#exchange.receive(response);
    }
  }
}

function isSamIdAnswer(response: SamResponse): boolean {
  return response.sw3 === 0x90 && response.data.length === samIdLength;
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
