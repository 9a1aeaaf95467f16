// Most HID POS scanners present themselves as a keyboard: 8-byte boot
// keyboard reports (modifiers, reserved, up to six key codes), one key per
// report, a scan ending with Enter. This turns those reports into scans.

const shiftMask = 0x22; // left or right shift
const enter = 0x28;

/** USB HID usage IDs (keyboard page) to characters, unshifted and shifted (US layout, as scanners send). */
const keys: Record<number, [string, string]> = {};
'abcdefghijklmnopqrstuvwxyz'.split('').forEach((letter, index) => (keys[0x04 + index] = [letter, letter.toUpperCase()]));
'1234567890'.split('').forEach((digit, index) => (keys[0x1e + index] = [digit, '!@#$%^&*()'[index]!]));
Object.assign(keys, {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
});

export class HidKeyboardScanDecoder {
  #current = '';
  #lastKeys = new Set<number>();

  /** Feeds one input report; returns the scans it completed. Never throws. */
  push(report: Uint8Array): string[] {
    // Some devices prefix a report ID: an 9-byte report's first byte is that ID.
    const body = report.length === 9 ? report.subarray(1) : report;
    if (body.length < 3) return [];
    const shifted = (body[0]! & shiftMask) !== 0;
    const pressed = new Set<number>();
    for (const code of body.subarray(2, 8)) if (code > 3) pressed.add(code);
    const scans: string[] = [];
    for (const code of pressed) {
      // A key held across reports is one keystroke.
      if (this.#lastKeys.has(code)) continue;
      if (code === enter) {
        if (this.#current !== '') scans.push(this.#current);
        this.#current = '';
        continue;
      }
      const key = keys[code];
      if (key) this.#current += shifted ? key[1] : key[0];
    }
    this.#lastKeys = pressed;
    return scans;
  }
}
