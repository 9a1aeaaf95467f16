import type { Database } from '../../lib/sqlite/database.js';
import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import type { DeviceManager } from '../devices/deviceManager.js';
import type { LedDisplayDevice } from '../devices/ledDisplayDevice.js';
import type { ReceiptPrinterDevice } from '../devices/receiptPrinterDevice.js';
import type { CitizenSession } from '../services/citizen/citizenSession.js';
import { CounterWindow } from '../services/queue/counterWindow.js';
import { KioskTickets } from '../services/queue/kioskTickets.js';
import type { QueueParts } from '../services/queue/queueHandlers.js';
import type { TerminalSync } from '../sync/terminalSync.js';
import type { EventHub } from '../transport/eventHub.js';
import type { Logger } from './logger.js';

export interface HostQueueParts extends QueueParts {
  start(): void;
  /** Leases number blocks if the kiosk's stock ran low (after a pull, after a ticket). */
  restock(): void;
  stop(): Promise<void>;
}

const restockIntervalMs = 60_000;

/** The queue's parts of a host, by role: the kiosk's ticket desk, the counter's window. */
export function createQueueParts(deps: {
  db: Database;
  config: TerminalConfig;
  devices: DeviceManager;
  sync: TerminalSync;
  events: EventHub;
  logger: Logger;
  citizen: CitizenSession;
}): HostQueueParts {
  const { db, config, devices, sync, events, logger, citizen } = deps;
  const changed = () => events.emit('queue.changed', {});
  let restocking: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const kiosk =
    config.role === 'kiosk'
      ? new KioskTickets({
          db,
          client: sync.client,
          citizen,
          printer: () => devices.device<ReceiptPrinterDevice>('receiptPrinter'),
          onPrintFailed: () => devices.recheck('receiptPrinter'),
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
    db,
    role: config.role,
    kiosk,
    counter,
    start: () => {
      if (kiosk) timer = setInterval(restock, restockIntervalMs);
    },
    restock,
    stop: async () => {
      clearInterval(timer);
      await restocking;
    },
  };
}
