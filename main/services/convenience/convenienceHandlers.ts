import type { RpcHandlers } from '../../contract/rpc.js';
import type { ConvenienceDesk } from './convenienceDesk.js';

export function convenienceHandlers(
  desk: ConvenienceDesk,
): Pick<RpcHandlers, 'convenience.options' | 'convenience.submit' | 'convenience.progress'> {
  return {
    'convenience.options': async () => desk.options(),
    'convenience.submit': ({ request }) => desk.submit(request),
    'convenience.progress': ({ number }) => desk.progress(number),
  };
}
