import type { Database } from '../../lib/sqlite/database.js';
import type { CitizenCatalog } from '../contract/citizenCatalog.js';
import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import type { DeviceManager } from '../devices/deviceManager.js';
import type { DocumentPrinterDevice } from '../devices/documentPrinterDevice.js';
import type { IdCardReaderDevice } from '../devices/idCardReaderDevice.js';
import type { ReceiptPrinterDevice } from '../devices/receiptPrinterDevice.js';
import { CertificateDesk } from '../services/certificates/certificateDesk.js';
import type { CitizenParts } from '../services/citizen/citizenHandlers.js';
import { CitizenSession } from '../services/citizen/citizenSession.js';
import { LookupDesk } from '../services/lookups/lookupDesk.js';
import type { TerminalSync } from '../sync/terminalSync.js';
import type { EventHub } from '../transport/eventHub.js';
import type { Logger } from './logger.js';

function localDate(): string {
  return new Date().toLocaleDateString('en-CA');
}

/** The citizen session (kiosk and counter) and the services that act for the citizen in it: certificates and lookups. */
export function createCitizenParts(deps: {
  db: Database;
  config: TerminalConfig;
  catalog: CitizenCatalog;
  devices: DeviceManager;
  sync: TerminalSync;
  events: EventHub;
  logger: Logger;
  /** The idle timeout in force (the config's, or the hall's when it set one). */
  idleTimeoutSeconds: () => number;
}): CitizenParts {
  const { db, config, catalog, devices, sync, events, logger } = deps;
  let lookups: LookupDesk | null = null;
  const citizen = new CitizenSession({
    reader: () => devices.device<IdCardReaderDevice>('idCardReader')?.reader ?? null,
    today: localDate,
    endOnCardRemoval: config.citizenSession.endOnCardRemoval,
    idle: {
      timeoutMs: () => deps.idleTimeoutSeconds() * 1000,
      warningMs: config.citizenSession.idleWarningSeconds * 1000,
      onIdleWarning: (secondsLeft) => events.emit('citizen.idle', { secondsLeft }),
    },
    onEnded: (reason) => {
      lookups?.forget();
      if (reason !== 'finished') events.emit('citizen.ended', { reason });
      if (reason === 'idle') logger.info('the citizen session ended after the idle timeout; its data is dropped');
    },
  });
  lookups = new LookupDesk(sync.client, catalog, citizen, () => devices.device<ReceiptPrinterDevice>('receiptPrinter'));
  const certificates = new CertificateDesk({
    db,
    client: sync.client,
    catalog,
    citizen,
    printer: () => devices.device<DocumentPrinterDevice>('documentPrinter'),
    logger,
    onProgress: (stage) => events.emit('certificate.progress', { stage }),
    onRecorded: () => sync.recorded(),
  });
  return { citizen, catalog, client: sync.client, certificates, lookups };
}
