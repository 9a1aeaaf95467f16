import { only } from './onlyOnRole.js';
import type { RpcHandlers } from '../../contract/rpc.js';
import type { Database } from '../../../lib/sqlite/database.js';
import type { CounterWindow } from './counterWindow.js';
import type { KioskTickets } from './kioskTickets.js';
import { loadQueueSnapshot } from './queueSnapshot.js';
import { hallBoard, queueOverview } from './queueViews.js';

type QueueMethods = 'queue.overview' | 'queue.takeTicket' | 'queue.remindByPhone' | 'queue.board' | 'counter.state' | 'counter.act';

export interface QueueParts {
  db: Database;
  /** Present on kiosks. */
  kiosk: KioskTickets | null;
  /** Present on counters. */
  counter: CounterWindow | null;
}

/** The queue's calls, each refused plainly on a terminal whose role does not do it. */
export function queueHandlers({ db, kiosk, counter }: QueueParts): Pick<RpcHandlers, QueueMethods> {
  return {
    'queue.overview': async () => queueOverview(await loadQueueSnapshot(db, new Date(), 'shown')),
    'queue.takeTicket': ({ service, disability }) => only(kiosk, 'kiosk', 'queue.takeTicket').take(service, disability),
    'queue.remindByPhone': async ({ ticketId, phone }) => (
      await only(kiosk, 'kiosk', 'queue.remindByPhone').remindByPhone(ticketId, phone),
      {}
    ),
    'queue.board': async () => hallBoard(await loadQueueSnapshot(db, new Date(), 'shown')),
    'counter.state': () => only(counter, 'counter', 'counter.state').state(),
    'counter.act': ({ act }) => only(counter, 'counter', 'counter.act').act(act),
  };
}
