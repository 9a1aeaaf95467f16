import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import { IdCardReaderDevice } from './idCardReaderDevice.js';
import type { ManagedDevice } from './managedDevice.js';
import { ReceiptPrinterDevice } from './receiptPrinterDevice.js';

/** A managed device for each configured binding whose driver exists. */
export function createManagedDevices(config: TerminalConfig): ManagedDevice[] {
  const devices: ManagedDevice[] = [];
  const { idCardReader, receiptPrinter } = config.devices;
  if (idCardReader) devices.push(new IdCardReaderDevice(idCardReader));
  if (receiptPrinter) devices.push(new ReceiptPrinterDevice(receiptPrinter, config.terminalId));
  return devices;
}
