import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hidBytePort, type HidDevice } from '../../../drivers/hid/hidBytePort.js';
import { lengthPrefixedFraming } from '../../../drivers/hid/hidFraming.js';
import { demoCards } from '../../../drivers/id-card/demoCards.js';
import { IdCardSimulator } from '../../../drivers/id-card/idCardSimulator.js';
import { SamReader } from '../../../drivers/id-card/samReader.js';
import type { BytePort } from '../../../drivers/serial/bytePort.js';

describe('HID report framing', () => {
  it('round-trips any byte stream through 64-byte reports', () => {
    const framing = lengthPrefixedFraming(64);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const reports = framing.toReports(Buffer.from(bytes));
        expect(reports.every((report) => report.length === 64)).toBe(true);
        expect(Buffer.concat(reports.map((report) => framing.fromReport(report)))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('never throws on a malformed report', () => {
    const framing = lengthPrefixedFraming(64);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (report) => void framing.fromReport(Buffer.from(report))));
    expect(framing.fromReport(Buffer.from([200, 1, 2]))).toEqual(Buffer.from([1, 2]));
  });
});

/**
 * A USB reader cannot exist here, so this stands in for the physical device
 * only: it hands each written report to the simulator as bytes and wraps the
 * simulator's answer in input reports, as the reader's firmware would.
 */
class SimulatedHidReader extends EventEmitter implements HidDevice {
  readonly framing = lengthPrefixedFraming(64);
  readonly simulatorSide: BytePort;
  readonly #toSimulator = new Set<(chunk: Buffer) => void>();
  readonly writtenReports: Buffer[] = [];

  constructor() {
    super();
    this.simulatorSide = {
      write: async (bytes) => {
        for (const report of this.framing.toReports(bytes)) this.emit('data', report);
      },
      onData: (listener) => (this.#toSimulator.add(listener), () => this.#toSimulator.delete(listener)),
      onLost: () => () => undefined,
      close: async () => undefined,
    };
  }

  async write(values: Buffer): Promise<number> {
    this.writtenReports.push(values);
    const bytes = this.framing.fromReport(values.subarray(1));
    for (const listener of this.#toSimulator) listener(bytes);
    return values.length;
  }

  async close(): Promise<void> {}
}

describe('ID-card reader over HID reports', () => {
  it('reads a card with the same SAM frames carried in reports', async () => {
    const device = new SimulatedHidReader();
    const simulator = new IdCardSimulator(device.simulatorSide);
    simulator.insert(demoCards.resident);
    const reader = new SamReader(hidBytePort(device, device.framing), 1000);
    const card = await reader.readInsertedCard();
    expect(card?.name).toBe('王小明');
    // Report ID 0, then a 64-byte report: count 10, the find-card frame, zero padding.
    const findCardReport = Buffer.concat([Buffer.from('000aaaaaaa9669000320 0122'.replaceAll(' ', ''), 'hex'), Buffer.alloc(53)]);
    expect(device.writtenReports[0]).toEqual(findCardReport);
    reader.dispose();
  });
});
