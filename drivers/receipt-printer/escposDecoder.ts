import iconv from 'iconv-lite';

// Turns the ESC/POS a printer receives back into what it would print: lines
// of text with their style, QR contents, cuts, and status requests to answer.
// For the simulator and tests; covers what node-thermal-printer (EPSON) and
// this project send, and skips other commands by their known lengths.

export type Align = 'left' | 'center' | 'right';

export interface PrintedLine {
  text: string;
  bold: boolean;
  align: Align;
  /** Character magnification, 1 to 8 (GS ! / ESC !). */
  width: number;
  height: number;
}

export type EscPosEvent =
  { kind: 'line'; line: PrintedLine } | { kind: 'qr'; content: string } | { kind: 'cut' } | { kind: 'status-request'; n: number };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** Bytes of parameters after ESC x, for the ESC commands that take a fixed number. */
const escParams: Record<number, number> = {
  0x20: 1,
  0x21: 1,
  0x24: 2,
  0x2d: 1,
  0x32: 0,
  0x33: 1,
  0x3d: 1,
  0x3f: 2,
  0x40: 0,
  0x42: 0,
  0x45: 1,
  0x47: 1,
  0x4a: 1,
  0x4d: 1,
  0x52: 1,
  0x53: 0,
  0x54: 1,
  0x56: 1,
  0x61: 1,
  0x63: 2,
  0x64: 1,
  0x70: 1,
  0x74: 1,
  0x7b: 1,
};
/** The same for GS x. */
const gsParams: Record<number, number> = {
  0x21: 1,
  0x42: 1,
  0x48: 1,
  0x49: 1,
  0x4c: 2,
  0x50: 2,
  0x57: 2,
  0x61: 1,
  0x62: 1,
  0x66: 1,
  0x68: 1,
  0x72: 1,
  0x77: 1,
};
/** The same for FS x (Chinese-mode printers). */
const fsParams: Record<number, number> = { 0x21: 1, 0x26: 0, 0x2d: 1, 0x2e: 0, 0x43: 1, 0x53: 2, 0x57: 1 };

type Step = { consumed: number; event?: EscPosEvent } | null;

export class EscPosDecoder {
  #buffer = Buffer.alloc(0);
  #text: number[] = [];
  #chinese = false;
  #style = { bold: false, align: 'left' as Align, width: 1, height: 1 };
  #qr = '';

  /** Feeds bytes; returns what they completed. Never throws. */
  push(chunk: Uint8Array): EscPosEvent[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const events: EscPosEvent[] = [];
    let offset = 0;
    while (offset < this.#buffer.length) {
      const step = this.#step(offset, events);
      if (step === null) break;
      if (step.event) events.push(step.event);
      offset += step.consumed;
    }
    this.#buffer = this.#buffer.subarray(offset);
    return events;
  }

  /** Ends the document: text not yet ended by a line feed is printed as a last line. */
  flush(): EscPosEvent[] {
    const events: EscPosEvent[] = [];
    if (this.#text.length > 0) events.push(this.#endLine());
    return events;
  }

  #step(offset: number, events: EscPosEvent[]): Step {
    const buffer = this.#buffer;
    const byte = buffer[offset]!;
    const need = (count: number) => (offset + count <= buffer.length ? true : false);
    if (byte === 0x0a) return { consumed: 1, event: this.#endLine() };
    if (byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00) return { consumed: 1 };
    if (byte === DLE) {
      if (!need(3)) return null;
      if (buffer[offset + 1] === 0x04) return { consumed: 3, event: { kind: 'status-request', n: buffer[offset + 2]! } };
      return { consumed: 1 };
    }
    if (byte === ESC) {
      if (!need(2)) return null;
      const command = buffer[offset + 1]!;
      if (command === 0x44) return this.#untilNul(offset + 2, offset);
      const params = escParams[command];
      if (params === undefined) return { consumed: 2 };
      if (!need(2 + params)) return null;
      this.#applyEsc(command, buffer.subarray(offset + 2, offset + 2 + params));
      if (command === 0x40) this.#reset();
      return { consumed: 2 + params };
    }
    if (byte === GS) {
      if (!need(2)) return null;
      const command = buffer[offset + 1]!;
      if (command === 0x56) {
        if (!need(3)) return null;
        const mode = buffer[offset + 2]!;
        const extra = mode >= 0x41 ? 1 : 0;
        if (!need(3 + extra)) return null;
        if (this.#text.length > 0) events.push(this.#endLine());
        return { consumed: 3 + extra, event: { kind: 'cut' } };
      }
      if (command === 0x28) {
        if (!need(5)) return null;
        const length = buffer[offset + 3]! | (buffer[offset + 4]! << 8);
        if (!need(5 + length)) return null;
        const body = buffer.subarray(offset + 5, offset + 5 + length);
        return { consumed: 5 + length, ...this.#function2d(buffer[offset + 2]!, body) };
      }
      if (command === 0x76) {
        if (!need(8)) return null;
        const width = buffer[offset + 4]! | (buffer[offset + 5]! << 8);
        const height = buffer[offset + 6]! | (buffer[offset + 7]! << 8);
        const total = 8 + width * height;
        return need(total) ? { consumed: total } : null;
      }
      if (command === 0x6b) {
        if (!need(3)) return null;
        const type = buffer[offset + 2]!;
        if (type <= 6) return this.#untilNul(offset + 3, offset);
        if (!need(4)) return null;
        const total = 4 + buffer[offset + 3]!;
        return need(total) ? { consumed: total } : null;
      }
      const params = gsParams[command];
      if (params === undefined) return { consumed: 2 };
      if (!need(2 + params)) return null;
      if (command === 0x21) {
        const size = buffer[offset + 2]!;
        this.#style.width = ((size >> 4) & 0x07) + 1;
        this.#style.height = (size & 0x07) + 1;
      }
      return { consumed: 2 + params };
    }
    if (byte === FS) {
      if (!need(2)) return null;
      const command = buffer[offset + 1]!;
      if (command === 0x26) this.#chinese = true;
      if (command === 0x2e) this.#chinese = false;
      const params = fsParams[command] ?? 0;
      return need(2 + params) ? { consumed: 2 + params } : null;
    }
    this.#text.push(byte);
    return { consumed: 1 };
  }

  #untilNul(from: number, start: number): Step {
    const end = this.#buffer.indexOf(0x00, from);
    return end === -1 ? null : { consumed: end + 1 - start };
  }

  #applyEsc(command: number, params: Buffer): void {
    const value = params[0] ?? 0;
    if (command === 0x45) this.#style.bold = (value & 1) === 1;
    if (command === 0x61) this.#style.align = (['left', 'center', 'right'] as const)[value % 48] ?? 'left';
    if (command === 0x21) {
      this.#style.bold = (value & 0x08) !== 0;
      this.#style.height = value & 0x10 ? 2 : 1;
      this.#style.width = value & 0x20 ? 2 : 1;
    }
  }

  /** GS ( k: the body is cn fn params; cn 49 (0x31) is QR, fn 80 stores the data, fn 81 prints it. */
  #function2d(kind: number, body: Buffer): { event?: EscPosEvent } {
    if (kind !== 0x6b || body.length < 2 || body[0] !== 0x31) return {};
    if (body[1] === 0x50) this.#qr = body.subarray(3).toString('utf8');
    if (body[1] === 0x51) return { event: { kind: 'qr', content: this.#qr } };
    return {};
  }

  #endLine(): EscPosEvent {
    const bytes = Buffer.from(this.#text);
    this.#text = [];
    const text = this.#chinese ? iconv.decode(bytes, 'gb18030') : bytes.toString('latin1');
    return { kind: 'line', line: { text, ...this.#style } };
  }

  #reset(): void {
    this.#style = { bold: false, align: 'left', width: 1, height: 1 };
  }
}
