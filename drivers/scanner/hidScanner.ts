import { EventEmitter } from 'node:events';
import type { HidDevice } from '../hid/hidBytePort.js';
import { HidKeyboardScanDecoder } from './hidKeyboardScan.js';

export interface HidScannerEvents {
  scan: [code: string];
  lost: [error: Error];
}

/** A HID POS scanner: emits each code it reads. */
export class HidScanner extends EventEmitter<HidScannerEvents> {
  readonly #decoder = new HidKeyboardScanDecoder();

  constructor(private readonly device: HidDevice) {
    super();
    device.on('data', (report: Buffer) => {
      for (const code of this.#decoder.push(report)) this.emit('scan', code);
    });
    device.on('error', (error: Error) => this.emit('lost', error));
  }

  close(): Promise<void> {
    return this.device.close();
  }
}
