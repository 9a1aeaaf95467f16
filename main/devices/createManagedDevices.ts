import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import { IdCardReaderDevice } from './idCardReaderDevice.js';
import type { ManagedDevice } from './managedDevice.js';

/** A managed device for each configured binding whose driver exists. */
export function createManagedDevices(config: TerminalConfig): ManagedDevice[] {
  const devices: ManagedDevice[] = [];
  const { idCardReader } = config.devices;
  if (idCardReader) devices.push(new IdCardReaderDevice(idCardReader));
  return devices;
}
