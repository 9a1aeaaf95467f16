import type { RpcHandlers } from '../../contract/rpc.js';
import type { CounterWindow } from '../queue/counterWindow.js';
import { only } from '../queue/onlyOnRole.js';

/** The citizen's rating on the counter's second screen, of the ticket the window just finished. */
export function evaluationHandlers(counter: CounterWindow | null): Pick<RpcHandlers, 'evaluation.pending' | 'evaluation.submit'> {
  return {
    'evaluation.pending': async () => ({ request: only(counter, 'counter', 'evaluation.pending').pendingEvaluation() }),
    'evaluation.submit': async (rating) => {
      await only(counter, 'counter', 'evaluation.submit').rate(rating);
      return {};
    },
  };
}
