import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLedFrame, LedFrameDecoder, type LedDecodeEvent } from '../../../drivers/led-display/ledFrame.js';

describe('LED display frame', () => {
  it('encodes the documented layout: STX ADDR CMD LEN DATA CHK ETX', () => {
    expect(encodeLedFrame({ address: 3, command: 0x32, data: Buffer.alloc(0) })).toEqual(Buffer.from([0x02, 0x03, 0x32, 0x00, 0x31, 0x03]));
    expect(encodeLedFrame({ address: 3, command: 0x33, data: Buffer.from([0x10]) })).toEqual(
      Buffer.from([0x02, 0x03, 0x33, 0x01, 0x10, 0x21, 0x03]),
    );
  });

  it('round-trips any frame through any split, after any noise without STX', () => {
    fc.assert(
      fc.property(
        fc.nat(255),
        fc.nat(255),
        fc.uint8Array({ maxLength: 250 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.nat(300),
        (address, command, data, noise, cut) => {
          fc.pre(!noise.includes(0x02));
          const bytes = Buffer.concat([noise, encodeLedFrame({ address, command, data: Buffer.from(data) })]);
          const decoder = new LedFrameDecoder();
          const point = cut % (bytes.length + 1);
          const events: LedDecodeEvent[] = [...decoder.push(bytes.subarray(0, point)), ...decoder.push(bytes.subarray(point))];
          expect(events).toEqual([{ kind: 'frame', frame: { address, command, data: Buffer.from(data) } }]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a bad checksum and never throws on random bytes', () => {
    const frame = encodeLedFrame({ address: 7, command: 0x31, data: Buffer.from([0, 5, 0x41]) });
    frame.writeUInt8(frame.readUInt8(frame.length - 2) ^ 0x55, frame.length - 2);
    expect(new LedFrameDecoder().push(frame)).toEqual([{ kind: 'bad-frame', address: 7 }]);
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 10 }), (chunks) => {
        const decoder = new LedFrameDecoder();
        for (const chunk of chunks) decoder.push(chunk);
      }),
    );
  });
});
