import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import { IdCardReaderDevice } from './idCardReaderDevice.js';
import { LedDisplayDevice } from './ledDisplayDevice.js';
import type { ManagedDevice } from './managedDevice.js';
import { ReceiptPrinterDevice } from './receiptPrinterDevice.js';

/** A managed device for each configured binding whose driver exists. */
export function createManagedDevices(config: TerminalConfig): ManagedDevice[] {
  const devices: ManagedDevice[] = [];
  const { idCardReader, receiptPrinter, ledDisplay } = config.devices;
  if (idCardReader) devices.push(new IdCardReaderDevice(idCardReader));
  if (receiptPrinter) devices.push(new ReceiptPrinterDevice(receiptPrinter, config.terminalId));
  if (ledDisplay) devices.push(new LedDisplayDevice(ledDisplay, config.windowNumber));
  return devices;
}
