import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { DocumentPrinterDevice } from '../../devices/documentPrinterDevice.js';
import type { IdCardReaderDevice } from '../../devices/idCardReaderDevice.js';
import { CertificateDesk } from '../certificates/certificateDesk.js';
import { certificateHandlers } from '../certificates/certificateHandlers.js';
import type { HostParts } from '../hostParts.js';
import { LookupDesk } from '../lookups/lookupDesk.js';
import { hallDate } from '../queue/hallDate.js';
import { lookupHandlers } from '../lookups/lookupHandlers.js';
import { citizenHandlers } from './citizenHandlers.js';
import { CitizenSession } from './citizenSession.js';

/** The citizen session (kiosk and counter) and the services that act for the citizen in it: certificates and lookups. */
export function createCitizenSlice(
  { db, config, devices, sync, events, logger, receipts }: HostParts,
  /** The hall's certificates and lookups as last pulled. */
  catalog: () => CitizenCatalog,
  /** The idle timeout in force (the config's, or the hall's when it set one). */
  idleTimeoutSeconds: () => number,
): {
  citizen: CitizenSession;
  handlers: ReturnType<typeof citizenHandlers> & ReturnType<typeof certificateHandlers> & ReturnType<typeof lookupHandlers>;
} {
  let lookups: LookupDesk | null = null;
  const citizen = new CitizenSession({
    reader: () => devices.device<IdCardReaderDevice>('idCardReader')?.reader ?? null,
    today: () => hallDate(db),
    endOnCardRemoval: config.citizenSession.endOnCardRemoval,
    idle: {
      timeoutMs: () => idleTimeoutSeconds() * 1000,
      warningMs: config.citizenSession.idleWarningSeconds * 1000,
      onIdleWarning: (secondsLeft) => events.emit('citizen.idle', { secondsLeft }),
    },
    onEnded: (reason) => {
      lookups?.forget();
      if (reason !== 'finished') events.emit('citizen.ended', { reason });
      if (reason === 'idle') logger.info('the citizen session ended after the idle timeout; its data is dropped');
    },
  });
  lookups = new LookupDesk(sync.client, catalog, citizen, receipts);
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
  return {
    citizen,
    handlers: {
      ...citizenHandlers({ citizen, catalog, client: sync.client, lookups }),
      ...certificateHandlers(certificates),
      ...lookupHandlers(lookups),
    },
  };
}
