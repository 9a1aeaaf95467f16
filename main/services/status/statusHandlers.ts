import type { RpcHandlers } from '../../contract/rpc.js';
import type { StatusService } from './statusService.js';

export function statusHandlers(status: StatusService): Pick<RpcHandlers, 'status.get'> {
  return { 'status.get': async () => status.get() };
}
