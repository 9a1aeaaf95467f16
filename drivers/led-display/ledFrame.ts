// The window LED display's frame (see README.md beside this file). Pure functions.

import { FrameSync, type FrameFormat } from '../serial/frameSync.js';

export const ledCommands = { status: 0x30, showText: 0x31, clear: 0x32, brightness: 0x33, ack: 0x06, nak: 0x15 } as const;
export const broadcastAddress = 0xff;
export const nakReasons = { badChecksum: 0x01, unknownCommand: 0x02, badData: 0x03 } as const;
export const maxDataLength = 250;

const STX = 0x02;
const ETX = 0x03;

export interface LedFrame {
  address: number;
  command: number;
  data: Buffer;
}

export function encodeLedFrame(frame: LedFrame): Buffer {
  if (frame.data.length > maxDataLength) throw new RangeError(`LED frame data too long: ${frame.data.length} > ${maxDataLength} bytes`);
  const checked = Buffer.concat([Buffer.from([frame.address, frame.command, frame.data.length]), frame.data]);
  let checksum = 0;
  for (const byte of checked) checksum ^= byte;
  return Buffer.concat([Buffer.from([STX]), checked, Buffer.from([checksum, ETX])]);
}

export type LedDecodeEvent = { kind: 'frame'; frame: LedFrame } | { kind: 'bad-frame'; address: number };

/** The longest frame on the bus; the decoder never keeps more than this waiting. */
export const maxFrameLength = maxDataLength + 6;

const ledFormat: FrameFormat<LedDecodeEvent> = {
  nextStart: (buffer, from) => buffer.indexOf(STX, from),
  partialStartAtEnd: () => 0,
  check(buffer, at) {
    if (buffer.length - at < 4) return { kind: 'partial' };
    const length = buffer[at + 3]!;
    if (length > maxDataLength) return { kind: 'bad', event: null };
    const size = length + 6;
    if (buffer.length - at < size) return { kind: 'partial' };
    // A wrong ETX means this STX was no frame start at all; only a frame that ends right is worth a NAK.
    if (buffer[at + size - 1] !== ETX) return { kind: 'bad', event: null };
    const address = buffer[at + 1]!;
    let checksum = 0;
    for (const byte of buffer.subarray(at + 1, at + 4 + length)) checksum ^= byte;
    if (checksum !== buffer[at + 4 + length]) return { kind: 'bad', event: { kind: 'bad-frame', address } };
    const frame = { address, command: buffer[at + 2]!, data: Buffer.from(buffer.subarray(at + 4, at + 4 + length)) };
    return { kind: 'frame', event: { kind: 'frame', frame }, size };
  },
};

/** Finds frames in a byte stream arriving in pieces, resynchronising after any garbage (rules in FrameSync); never throws. */
export class LedFrameDecoder {
  readonly #sync = new FrameSync(ledFormat);

  get buffered(): number {
    return this.#sync.buffered;
  }

  push(chunk: Uint8Array): LedDecodeEvent[] {
    return this.#sync.push(chunk);
  }
}
