import type { DeviceRole, TerminalStatus } from '../../contract/status.js';
import type { TerminalConfig } from '../../../kiosk-config/terminalConfigSchema.js';

/**
 * What the status strip shows. Until the sync layer and the device manager
 * report in (their own issues), the hall link is offline and every fitted
 * device is `unknown`: the strip never claims more than the terminal knows.
 */
export function terminalStatus(config: TerminalConfig): TerminalStatus {
  const fitted = Object.keys(config.devices) as DeviceRole[];
  return {
    hall: { state: 'offline', lastContactAt: null },
    devices: fitted.map((role) => ({ role, state: 'unknown', detail: null })),
  };
}
