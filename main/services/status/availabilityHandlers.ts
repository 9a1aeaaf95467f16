import type { RpcHandlers } from '../../contract/rpc.js';
import type { LocalizedText } from '../../contract/terminal.js';
import { availabilityOf } from './availability.js';
import type { StatusService } from './statusService.js';

export function availabilityHandlers(
  status: StatusService,
  settings: () => Promise<{ enabledServices: readonly string[]; staffedWindow: LocalizedText | null }>,
): Pick<RpcHandlers, 'status.availability'> {
  return {
    'status.availability': async () => {
      const { enabledServices, staffedWindow } = await settings();
      return availabilityOf(status.get(), enabledServices, staffedWindow);
    },
  };
}
