import type { LedDisplayDevice } from '../../devices/ledDisplayDevice.js';
import type { SyncedScope } from '../../sync/terminalSync.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { evaluationHandlers } from '../evaluation/evaluationHandlers.js';
import type { HostParts } from '../hostParts.js';
import { CounterWindow } from './counterWindow.js';
import { KioskTickets } from './kioskTickets.js';
import { queueApplier } from './queueApplier.js';
import { queueHandlers } from './queueHandlers.js';

export interface QueueSlice {
  handlers: ReturnType<typeof queueHandlers> & ReturnType<typeof evaluationHandlers>;
  /** The kiosk's ticket desk (appointment check-in issues through it); null on other roles. */
  kiosk: KioskTickets | null;
  scope: SyncedScope;
  start(): void;
  stop(): Promise<void>;
}

const restockIntervalMs = 60_000;

/**
 * The queue on this terminal, by role: the kiosk's ticket desk, the counter's
 * window (and its citizen's rating), the views every role shows; its copy of
 * the hall's queue comes through scope `queue`.
 */
export function createQueueSlice({ db, config, devices, sync, events, logger, receipts }: HostParts, citizen: CitizenSession): QueueSlice {
  const changed = () => events.emit('queue.changed', {});
  let restocking: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const kiosk =
    config.role === 'kiosk'
      ? new KioskTickets({
          db,
          client: sync.client,
          citizen,
          receipts,
          onRecorded: () => sync.recorded(),
          onChanged: () => {
            changed();
            restock();
          },
          logger,
        })
      : null;
  const counter =
    config.role === 'counter' && config.windowNumber !== undefined
      ? new CounterWindow({
          db,
          client: sync.client,
          window: config.windowNumber,
          led: () => devices.device<LedDisplayDevice>('ledDisplay')?.display ?? null,
          logger,
          onChanged: changed,
          onEvaluationRequested: (request) => events.emit('evaluation.requested', request),
          recordRating: (rating) => sync.record('queue.ticket-rated', rating),
        })
      : null;

  const restock = (): void => {
    if (!kiosk) return;
    restocking = restocking.then(() =>
      kiosk.topUpBlocks().catch((error: unknown) => logger.debug({ err: error }, 'could not lease number blocks now; trying again later')),
    );
  };

  return {
    handlers: { ...queueHandlers({ db, kiosk, counter }), ...evaluationHandlers(counter) },
    kiosk,
    scope: {
      apply: queueApplier,
      onPulled: () => {
        changed();
        restock();
      },
    },
    start: () => {
      if (kiosk) timer = setInterval(restock, restockIntervalMs);
    },
    stop: async () => {
      clearInterval(timer);
      await restocking;
    },
  };
}
