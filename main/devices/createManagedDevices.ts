import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import { DocumentPrinterDevice } from './documentPrinterDevice.js';
import { IdCardReaderDevice } from './idCardReaderDevice.js';
import { LedDisplayDevice } from './ledDisplayDevice.js';
import type { ManagedDevice } from './managedDevice.js';
import { ReceiptPrinterDevice } from './receiptPrinterDevice.js';
import { ScannerDevice } from './scannerDevice.js';
import type { SimulatorSupport } from './serialSimulatorRig.js';

export interface DeviceCallbacks {
  /** A code read by a scanner the host drives (HID or simulated). */
  onScan: (code: string) => void;
  /** The simulated document printer's spool folder (spoolDirOf); a temporary one when not given. */
  documentSpoolDir?: string;
  /** For the simulated serial devices: where to say they run in-process, where to record their socat helpers. */
  simulators?: SimulatorSupport;
}

/** A managed device for each configured binding whose driver exists. */
export function createManagedDevices(config: TerminalConfig, callbacks: DeviceCallbacks): ManagedDevice[] {
  const devices: ManagedDevice[] = [];
  const { idCardReader, receiptPrinter, ledDisplay, scanner, documentPrinter } = config.devices;
  if (idCardReader) devices.push(new IdCardReaderDevice(idCardReader, undefined, callbacks.simulators));
  if (receiptPrinter) devices.push(new ReceiptPrinterDevice(receiptPrinter, config.terminalId));
  if (ledDisplay) devices.push(new LedDisplayDevice(ledDisplay, config.windowNumber, callbacks.simulators));
  if (scanner) devices.push(new ScannerDevice(scanner, callbacks.onScan));
  if (documentPrinter) devices.push(new DocumentPrinterDevice(documentPrinter, config.terminalId, callbacks.documentSpoolDir));
  return devices;
}
