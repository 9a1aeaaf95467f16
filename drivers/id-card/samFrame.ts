// The SAM frame of resident ID-card readers (GA 467 family):
//   AA AA AA 96 69 | LEN (2 bytes, big-endian) | body | CHK
// LEN counts body + CHK; CHK is the XOR of LEN and body. A command's body is
// CMD PARA DATA; a response's body is SW1 SW2 SW3 DATA. Pure functions only.

import { FrameSync, type FrameFormat } from '../serial/frameSync.js';

export const preamble = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);

/** The longest body a reader sends: text + photo + fingerprint (2321-byte frame) with room to spare. */
export const maxBodyLength = 4096;

export const commands = {
  reset: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  samId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextAndPhoto: [0x30, 0x01],
} as const satisfies Record<string, readonly [number, number]>;

/** The SAM ID in the answer to `samId`; no other command's answer carries 16 bytes after status 90. */
export const samIdLength = 16;

export interface SamCommand {
  cmd: number;
  para: number;
  data: Buffer;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Buffer;
}

export function xorChecksum(bytes: Uint8Array): number {
  let sum = 0;
  for (const byte of bytes) sum ^= byte;
  return sum;
}

/** Wraps a body (everything between LEN and CHK) into a complete frame. */
export function encodeFrame(body: Uint8Array): Buffer {
  if (body.length + 1 > 0xffff) throw new RangeError(`SAM frame body too long: ${body.length} bytes`);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 1);
  const checked = Buffer.concat([length, body]);
  return Buffer.concat([preamble, checked, Buffer.from([xorChecksum(checked)])]);
}

export function encodeCommand(cmd: number, para: number, data: Uint8Array = Buffer.alloc(0)): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([cmd, para]), data]));
}

export function encodeResponse(response: SamResponse): Buffer {
  return encodeFrame(Buffer.concat([Buffer.from([response.sw1, response.sw2, response.sw3]), response.data]));
}

export function parseCommandBody(body: Buffer): SamCommand | null {
  if (body.length < 2) return null;
  return { cmd: body[0]!, para: body[1]!, data: body.subarray(2) };
}

export function parseResponseBody(body: Buffer): SamResponse | null {
  if (body.length < 3) return null;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.subarray(3) };
}

export type FrameEvent = { kind: 'frame'; body: Buffer } | { kind: 'checksum-error'; body: Buffer } | { kind: 'noise'; bytes: number };

const headerLength = preamble.length + 2;

/** The longest frame a reader may send; the decoder never keeps more than this waiting. */
export const maxFrameLength = headerLength + maxBodyLength + 1;

const samFormat: FrameFormat<FrameEvent> = {
  nextStart: (buffer, from) => buffer.indexOf(preamble, from),
  partialStartAtEnd: longestPreamblePrefixAtEnd,
  check(buffer, at) {
    if (buffer.length - at < headerLength) return { kind: 'partial' };
    const length = buffer.readUInt16BE(at + preamble.length);
    if (length < 2 || length - 1 > maxBodyLength) return { kind: 'bad', event: null };
    const size = headerLength + length;
    if (buffer.length - at < size) return { kind: 'partial' };
    // A whole preamble inside a frame means a truncated frame took the next one's bytes: no
    // reader sends one (its text is UCS-2 names and addresses, the photo 2^-40 per position).
    if (buffer.subarray(at + preamble.length, at + size).includes(preamble)) return { kind: 'bad', event: null };
    const checked = buffer.subarray(at + preamble.length, at + size - 1);
    const body = Buffer.from(checked.subarray(2));
    const valid = xorChecksum(checked) === buffer[at + size - 1];
    return valid ? { kind: 'frame', event: { kind: 'frame', body }, size } : { kind: 'bad', event: { kind: 'checksum-error', body } };
  },
  noise: (bytes) => ({ kind: 'noise', bytes }),
};

/**
 * Finds frames in a byte stream that arrives in arbitrary pieces: bytes
 * before a preamble are skipped (reported as noise), a partial frame waits
 * for the rest, and a frame whose checksum or length is wrong is reported and
 * costs one byte, so a frame that began inside it is still found (the rules
 * are FrameSync's). Never throws, whatever it is fed.
 */
export class SamFrameDecoder {
  readonly #sync = new FrameSync(samFormat);

  get buffered(): number {
    return this.#sync.buffered;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    return this.#sync.push(chunk);
  }
}

function longestPreamblePrefixAtEnd(buffer: Buffer): number {
  for (let size = Math.min(preamble.length - 1, buffer.length); size > 0; size -= 1) {
    if (buffer.subarray(buffer.length - size).equals(preamble.subarray(0, size))) return size;
  }
  return 0;
}
