import { hidBytePort, openHidDevice } from '../hid/hidBytePort.js';
import { lengthPrefixedFraming } from '../hid/hidFraming.js';
import type { BytePort } from '../serial/bytePort.js';
import { openSerialBytePort } from '../serial/serialBytePort.js';

export type ReaderAddress = { kind: 'serial'; path: string; baudRate: number } | { kind: 'hid'; vendorId: number; productId: number };

/** The reader's link: a serial port (115200 8N1 by default) or a USB-HID device carrying the same frames. */
export async function openReaderPort(address: ReaderAddress): Promise<BytePort> {
  if (address.kind === 'serial') return openSerialBytePort({ path: address.path, baudRate: address.baudRate });
  return hidBytePort(await openHidDevice(address.vendorId, address.productId), lengthPrefixedFraming());
}
