import { ServiceError } from '../../contract/errors.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { TerminalRole } from '../../contract/terminal.js';
import type { Database } from '../../../lib/sqlite/database.js';
import type { CounterWindow } from './counterWindow.js';
import type { KioskTickets } from './kioskTickets.js';
import { loadQueueSnapshot } from './queueSnapshot.js';
import { hallBoard, queueOverview } from './queueViews.js';

type QueueMethods =
  | 'queue.overview'
  | 'queue.takeTicket'
  | 'queue.board'
  | 'counter.state'
  | 'counter.act'
  | 'evaluation.pending'
  | 'evaluation.submit';

export interface QueueParts {
  db: Database;
  role: TerminalRole;
  /** Present on kiosks. */
  kiosk: KioskTickets | null;
  /** Present on counters. */
  counter: CounterWindow | null;
}

function only<T>(part: T | null, role: string, method: string): T {
  if (!part) throw new ServiceError('forbidden', `${method} is for a ${role} terminal`);
  return part;
}

/** The queue's calls, each refused plainly on a terminal whose role does not do it. */
export function queueHandlers({ db, kiosk, counter }: QueueParts): Pick<RpcHandlers, QueueMethods> {
  return {
    'queue.overview': async () => queueOverview(await loadQueueSnapshot(db)),
    'queue.takeTicket': ({ service, disability }) => only(kiosk, 'kiosk', 'queue.takeTicket').take(service, disability),
    'queue.board': async () => hallBoard(await loadQueueSnapshot(db)),
    'counter.state': () => only(counter, 'counter', 'counter.state').state(),
    'counter.act': ({ act }) => only(counter, 'counter', 'counter.act').act(act),
    'evaluation.pending': async () => ({ request: only(counter, 'counter', 'evaluation.pending').pendingEvaluation() }),
    'evaluation.submit': async (rating) => {
      await only(counter, 'counter', 'evaluation.submit').rate(rating);
      return {};
    },
  };
}
