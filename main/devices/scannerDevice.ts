import { openHidDevice } from '../../drivers/hid/hidBytePort.js';
import { addressKindsOf, deviceAddressOf } from '../../drivers/deviceAddress.js';
import { HidScanner } from '../../drivers/scanner/hidScanner.js';
import type { DeviceHealth, ManagedDevice } from './managedDevice.js';
import type { DeviceTestResult } from '../contract/deviceTest.js';

/** What a simulated scanner "reads" when setup's test button is pressed. */
export const simulatedScanCode = 'OW-TEST-0001';

/**
 * The QR/barcode scanner. A HID POS scanner is read here and its scans go to
 * `onScan`; a keyboard-wedge scanner types into the screen, where the
 * renderer tells its bursts from typing, so the host has nothing to drive.
 */
export class ScannerDevice implements ManagedDevice {
  readonly role = 'scanner';
  #scanner: HidScanner | null = null;
  #lost: Error | null = null;
  #lastScan: string | null = null;

  constructor(
    private readonly binding: { port: string },
    private readonly onScan: (code: string) => void,
  ) {}

  get address(): string {
    return this.binding.port;
  }

  async connect(): Promise<void> {
    await this.disconnect();
    const address = deviceAddressOf(this.binding.port, addressKindsOf.scanner);
    if (address.kind !== 'hid') return;
    this.#scanner = new HidScanner(await openHidDevice(address.vendorId, address.productId));
    this.#scanner.on('scan', (code) => {
      this.#lastScan = code;
      this.onScan(code);
    });
    this.#scanner.on('lost', (error) => (this.#lost = error));
  }

  async check(): Promise<DeviceHealth> {
    if (this.#lost) throw this.#lost;
    return { state: 'ready', detail: null };
  }

  async test(): Promise<DeviceTestResult> {
    if (this.binding.port === 'simulator') {
      this.onScan(simulatedScanCode);
      return { ok: true, code: 'scan-simulated', detail: simulatedScanCode, message: `simulated a scan of ${simulatedScanCode}` };
    }
    if (this.binding.port === 'keyboard-wedge') {
      return {
        ok: true,
        code: 'scan-typed',
        detail: '',
        message: 'a keyboard-wedge scanner types into the screen: scan a code now and it shows here',
      };
    }
    return this.#lastScan
      ? { ok: true, code: 'scan-last', detail: this.#lastScan, message: `last scan: ${this.#lastScan}` }
      : { ok: false, code: 'scan-none', detail: '', message: 'no scan yet: scan a code and press test again' };
  }

  async disconnect(): Promise<void> {
    this.#lost = null;
    await this.#scanner?.close().catch(() => undefined);
    this.#scanner = null;
  }
}
