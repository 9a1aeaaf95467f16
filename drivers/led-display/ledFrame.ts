// The window LED display's frame (see README.md beside this file). Pure functions.

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

/** Finds frames in a byte stream arriving in pieces; never throws. */
export class LedFrameDecoder {
  #buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): LedDecodeEvent[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const events: LedDecodeEvent[] = [];
    for (;;) {
      const start = this.#buffer.indexOf(STX);
      if (start === -1) {
        this.#buffer = Buffer.alloc(0);
        return events;
      }
      this.#buffer = this.#buffer.subarray(start);
      if (this.#buffer.length < 4) return events;
      const length = this.#buffer[3]!;
      if (length > maxDataLength) {
        this.#buffer = this.#buffer.subarray(1);
        continue;
      }
      const total = length + 6;
      if (this.#buffer.length < total) return events;
      let checksum = 0;
      for (const byte of this.#buffer.subarray(1, 4 + length)) checksum ^= byte;
      if (this.#buffer[total - 1] !== ETX) {
        this.#buffer = this.#buffer.subarray(1);
        continue;
      }
      const address = this.#buffer[1]!;
      if (checksum !== this.#buffer[4 + length]) {
        events.push({ kind: 'bad-frame', address });
      } else {
        events.push({ kind: 'frame', frame: { address, command: this.#buffer[2]!, data: Buffer.from(this.#buffer.subarray(4, 4 + length)) } });
      }
      this.#buffer = this.#buffer.subarray(total);
    }
  }
}
