import type { RpcHandlers } from '../../contract/rpc.js';
import type { LookupDesk } from './lookupDesk.js';

export function lookupHandlers(desk: LookupDesk): Pick<RpcHandlers, 'lookups.run' | 'lookups.print'> {
  return {
    'lookups.run': ({ lookup, year }) => desk.run(lookup, year),
    'lookups.print': () => desk.printLast(),
  };
}
