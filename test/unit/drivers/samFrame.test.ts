import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commands,
  encodeCommand,
  encodeResponse,
  parseCommandBody,
  parseResponseBody,
  preamble,
  SamFrameDecoder,
  xorChecksum,
  type FrameEvent,
} from '../../../drivers/id-card/samFrame.js';
import { samStatus } from '../../../drivers/id-card/statusWords.js';

const bytes = (hex: string) => Buffer.from(hex.replaceAll(' ', ''), 'hex');

describe('SAM frame codec on the byte fixtures of the reader manuals', () => {
  it('encodes the commands as published, checksum computed', () => {
    expect(encodeCommand(...commands.findCard)).toEqual(bytes('AA AA AA 96 69 00 03 20 01 22'));
    expect(encodeCommand(...commands.selectCard)).toEqual(bytes('AA AA AA 96 69 00 03 20 02 21'));
    expect(encodeCommand(...commands.readTextAndPhoto)).toEqual(bytes('AA AA AA 96 69 00 03 30 01 32'));
    expect(encodeCommand(...commands.samStatus)).toEqual(bytes('AA AA AA 96 69 00 03 11 FF ED'));
  });

  it('decodes the published answers', () => {
    const decoder = new SamFrameDecoder();
    const found = decoder.push(bytes('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(found).toEqual([{ kind: 'frame', body: bytes('00 00 9F 00 00 00 00') }]);
    expect(parseResponseBody((found[0] as { body: Buffer }).body)).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f });
    const selected = decoder.push(bytes('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'));
    expect(selected).toEqual([{ kind: 'frame', body: bytes('00 00 90 0000000000000000') }]);
    expect(decoder.push(bytes('aa aa aa 96 69 00 04 00 00 41 45'))).toEqual([{ kind: 'frame', body: bytes('00 00 41') }]);
  });

  it('skips noise before a frame and waits for the rest of a partial one', () => {
    const decoder = new SamFrameDecoder();
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: Buffer.from('hello') });
    expect(decoder.push(Buffer.concat([bytes('00 FF AA 13 AA AA'), frame.subarray(0, 4)]))).toEqual([{ kind: 'noise', bytes: 6 }]);
    expect(decoder.push(frame.subarray(4, 10))).toEqual([]);
    expect(decoder.push(frame.subarray(10))).toEqual([{ kind: 'frame', body: Buffer.concat([bytes('000090'), Buffer.from('hello')]) }]);
  });

  it('reports a wrong checksum and goes on with the next frame', () => {
    const decoder = new SamFrameDecoder();
    const bad = Buffer.from(encodeCommand(...commands.findCard));
    bad.writeUInt8(bad.readUInt8(bad.length - 1) ^ 0xff, bad.length - 1);
    // The bad frame costs one byte; the rest of it is scanned again (and found to be noise).
    const events = decoder.push(Buffer.concat([bad, encodeCommand(...commands.selectCard)])).filter((event) => event.kind !== 'noise');
    expect(events.map((event) => event.kind)).toEqual(['checksum-error', 'frame']);
    expect(parseCommandBody((events[1] as { body: Buffer }).body)).toMatchObject({ cmd: 0x20, para: 0x02 });
  });

  it('does not take a truncated frame completed by the next one for a frame, even when its checksum happens to fit', () => {
    const good = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: Buffer.from('the next answer') });
    // Announces 20 bytes after LEN but brings 4: the other 16 would be the good frame's first 16.
    const truncated = Buffer.concat([preamble, bytes('00 14 00 00 90 00')]);
    const borrowed = good.subarray(0, preamble.length + 2 + 0x14 - truncated.length);
    const checked = Buffer.concat([truncated.subarray(preamble.length), borrowed.subarray(0, -1)]);
    truncated[truncated.length - 1] = xorChecksum(checked) ^ borrowed.at(-1)!;
    const events = new SamFrameDecoder().push(Buffer.concat([truncated, good]));
    expect(events.filter((event) => event.kind === 'frame')).toEqual([{ kind: 'frame', body: good.subarray(7, -1) }]);
  });

  it('maps every status byte of the manuals to a named status', () => {
    for (const [byte, code] of [
      [0x90, 'ok'],
      [0x9f, 'card_found'],
      [0x80, 'no_card'],
      [0x81, 'select_failed'],
      [0x91, 'field_empty'],
      [0x10, 'checksum_error'],
      [0x11, 'length_error'],
      [0x21, 'bad_command'],
      [0x23, 'not_authorised'],
      [0x31, 'card_authentication_failed'],
      [0x32, 'reader_authentication_failed'],
      [0x33, 'verification_failed'],
      [0x40, 'unknown_card_type'],
      [0x41, 'read_failed'],
      [0x60, 'sam_self_test_failed'],
    ] as const) {
      expect(samStatus(byte).code).toBe(code);
    }
    expect(samStatus(0x55)).toMatchObject({ code: 'unknown_status', message: expect.stringContaining('SW3 55') });
  });
});

describe('SAM frame codec on arbitrary input', () => {
  const frames = (events: FrameEvent[]) =>
    events.filter((event) => event.kind === 'frame').map((event) => (event as { body: Buffer }).body);

  it('round-trips any body, however the stream is cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 3, maxLength: 1400 }), fc.array(fc.nat(1500), { maxLength: 6 }), (body, cuts) => {
        const frame = encodeResponse(parseResponseBody(Buffer.from(body))!);
        const decoder = new SamFrameDecoder();
        const points = [...new Set(cuts.map((cut) => cut % (frame.length + 1)))].sort((a, b) => a - b);
        let last = 0;
        const events: FrameEvent[] = [];
        for (const point of [...points, frame.length]) {
          events.push(...decoder.push(frame.subarray(last, point)));
          last = point;
        }
        expect(frames(events)).toEqual([Buffer.from(body)]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the frame after any noise that holds no preamble', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ minLength: 2, maxLength: 50 }), (noise, body) => {
        fc.pre(!Buffer.from(noise).includes(0xaa));
        const decoder = new SamFrameDecoder();
        const events = decoder.push(Buffer.concat([noise, encodeCommand(body[0]!, body[1]!, body.subarray(2))]));
        expect(frames(events)).toEqual([Buffer.from(body)]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random or truncated bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const decoder = new SamFrameDecoder();
        for (const chunk of chunks) decoder.push(chunk);
        const frame = encodeCommand(0x30, 0x01);
        decoder.push(frame.subarray(0, 7));
      }),
      { numRuns: 500 },
    );
  });
});
