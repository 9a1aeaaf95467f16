import type { EventEmitter } from 'node:events';
import { LinkLoss, type BytePort } from '../serial/bytePort.js';
import type { HidFraming } from './hidFraming.js';

/** What node-hid's HIDAsync offers that this port uses. */
export interface HidDevice extends EventEmitter {
  write(values: Buffer): Promise<number>;
  close(): Promise<void>;
}

/** Opens the first HID device with this vendor and product id (node-hid; needs libusb-1.0-0 and hidraw access). */
export async function openHidDevice(vendorId: number, productId: number): Promise<HidDevice> {
  const { HIDAsync } = await import('node-hid');
  try {
    return (await HIDAsync.open(vendorId, productId)) as unknown as HidDevice;
  } catch (error) {
    const id = `${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`;
    throw new Error(`cannot open HID device ${id}: ${(error as Error).message}`, { cause: error });
  }
}

/** A HID device as a BytePort, the stream carried in reports as `framing` says. */
export function hidBytePort(device: HidDevice, framing: HidFraming): BytePort {
  const link = new LinkLoss();
  device.on('error', (error: Error) => link.lose(error));
  return {
    async write(data) {
      // hidapi takes the report ID as the first byte; 0 for devices without numbered reports.
      for (const report of framing.toReports(data)) await device.write(Buffer.concat([Buffer.from([0]), report]));
    },
    onData(listener) {
      const forward = (report: Buffer) => {
        const bytes = framing.fromReport(report);
        if (bytes.length > 0) listener(bytes);
      };
      device.on('data', forward);
      return () => device.off('data', forward);
    },
    onLost: (listener) => link.onLost(listener),
    async close() {
      if (!link.close()) return;
      await device.close();
    },
  };
}
