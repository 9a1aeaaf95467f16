import type { RpcHandlers } from '../../contract/rpc.js';
import type { DeviceManager } from '../../devices/deviceManager.js';
import type { SetupAccess } from './setupAccess.js';

/** The technician's calls: unlocking with the PIN, and testing a device (behind the setup token). */
export function setupHandlers(setup: SetupAccess, devices: DeviceManager): Pick<RpcHandlers, 'setup.unlock' | 'devices.test'> {
  return {
    'setup.unlock': async ({ pin }) => setup.unlock(pin),
    'devices.test': async ({ setupToken, role }) => {
      setup.require(setupToken);
      return devices.test(role);
    },
  };
}
