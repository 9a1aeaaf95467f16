import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HidKeyboardScanDecoder } from '../../../drivers/scanner/hidKeyboardScan.js';
import { HidScanner } from '../../../drivers/scanner/hidScanner.js';
import { WedgeScanDetector } from '../../../renderer/ui/wedgeScanDetector.js';

/** Boot keyboard reports for a string as a scanner sends it: key down, key up, per character, then Enter. */
function reportsFor(text: string): Buffer[] {
  const codeOf = (char: string): [number, number] => {
    if (/[a-z]/.test(char)) return [0, 0x04 + char.charCodeAt(0) - 97];
    if (/[A-Z]/.test(char)) return [0x02, 0x04 + char.charCodeAt(0) - 65];
    if (/[1-9]/.test(char)) return [0, 0x1e + Number(char) - 1];
    if (char === '0') return [0, 0x27];
    if (char === ':') return [0x02, 0x33];
    if (char === '/') return [0, 0x38];
    if (char === '-') return [0, 0x2d];
    throw new Error(char);
  };
  const reports: Buffer[] = [];
  for (const char of text) {
    const [modifier, code] = codeOf(char);
    reports.push(Buffer.from([modifier, 0, code, 0, 0, 0, 0, 0]), Buffer.alloc(8));
  }
  reports.push(Buffer.from([0, 0, 0x28, 0, 0, 0, 0, 0]), Buffer.alloc(8));
  return reports;
}

describe('HID keyboard scanner reports', () => {
  it('turns key reports into a scanned code, with shift, ending at Enter', () => {
    const decoder = new HidKeyboardScanDecoder();
    const scans = reportsFor('OW:appt/A001-2026').flatMap((report) => decoder.push(report));
    expect(scans).toEqual(['OW:appt/A001-2026']);
  });

  it('counts a key held over several reports once, and ignores report IDs', () => {
    const decoder = new HidKeyboardScanDecoder();
    const held = Buffer.from([0, 0, 0x04, 0, 0, 0, 0, 0]);
    const scans = [held, held, Buffer.alloc(8), Buffer.from([1, 0, 0, 0x28, 0, 0, 0, 0, 0])].flatMap((report) => decoder.push(report));
    expect(scans).toEqual(['a']);
  });

  it('never throws on random reports', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 50 }), (reports) => {
        const decoder = new HidKeyboardScanDecoder();
        for (const report of reports) decoder.push(report);
      }),
    );
  });

  it('emits scans from a HID device (a stand-in for the physical scanner)', () => {
    const device = Object.assign(new EventEmitter(), { write: async () => 0, close: async () => undefined });
    const scanner = new HidScanner(device);
    const scans: string[] = [];
    scanner.on('scan', (code) => scans.push(code));
    for (const report of reportsFor('1234567890')) device.emit('data', report);
    expect(scans).toEqual(['1234567890']);
  });
});

describe('keyboard-wedge burst detection', () => {
  const typeAt = (detector: WedgeScanDetector, text: string, start: number, gap: number) => {
    let result: string | null = null;
    [...text, 'Enter'].forEach((key, index) => (result = detector.key(key, start + index * gap) ?? result));
    return result;
  };

  it('takes a fast burst ending in Enter as a scan', () => {
    expect(typeAt(new WedgeScanDetector(), 'A001-2026', 0, 8)).toBe('A001-2026');
  });

  it('does not take a person typing, or a short burst, as a scan', () => {
    expect(typeAt(new WedgeScanDetector(), 'A001-2026', 0, 150)).toBeNull();
    expect(typeAt(new WedgeScanDetector(), 'A01', 0, 5)).toBeNull();
  });

  it('starts afresh after a pause, so typed keys before a scan are not part of it', () => {
    const detector = new WedgeScanDetector();
    detector.key('x', 0);
    detector.key('y', 500);
    expect(typeAt(detector, '12345678', 2000, 5)).toBe('12345678');
  });
});
