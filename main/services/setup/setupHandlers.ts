import { ServiceError } from '../../contract/errors.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { PairingCode } from '../../transport/screenAccess.js';
import type { DeviceManager } from '../../devices/deviceManager.js';
import type { SetupAccess } from './setupAccess.js';

/** The technician's calls: unlocking with the PIN; behind the setup token, testing a device and a code to pair another screen. */
export function setupHandlers(
  setup: SetupAccess,
  devices: DeviceManager,
  /** Lets other screens in (browser mode); null in Electron, where there are no codes to give. */
  screens: { pairingCode(): PairingCode } | null,
): Pick<RpcHandlers, 'setup.unlock' | 'devices.test' | 'setup.pairingCode'> {
  return {
    'setup.unlock': async ({ pin }) => setup.unlock(pin),
    'devices.test': async ({ setupToken, role }) => {
      setup.require(setupToken);
      return devices.test(role);
    },
    'setup.pairingCode': async ({ setupToken }) => {
      setup.require(setupToken);
      if (!screens) throw new ServiceError('unavailable', 'this terminal serves no other screens');
      return screens.pairingCode();
    },
  };
}
