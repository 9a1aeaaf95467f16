import type { SyncedScope } from '../../sync/terminalSync.js';
import type { HostParts } from '../hostParts.js';
import { HallServices } from './hallServices.js';
import { hallServicesApplier } from './hallServicesApplier.js';

/**
 * The hall's offer on this terminal: pulled (scope `hallServices`), kept in
 * the store across restarts, and announced to the screens (hallServices.changed)
 * so that a menu already open is drawn again.
 */
export async function createHallServicesSlice({ db, events, logger }: HostParts): Promise<{ services: HallServices; scope: SyncedScope }> {
  const services = new HallServices(db);
  const reload = async () => {
    const unreadable = await services.reload();
    if (unreadable.length > 0)
      logger.warn({ unreadable }, "the stored copy of the hall's services has items this version cannot read: waiting for the hall's");
  };
  await reload();
  return {
    services,
    scope: {
      apply: hallServicesApplier,
      onPulled: () =>
        void reload()
          .then(() => events.emit('hallServices.changed', {}))
          .catch((error: unknown) => logger.error({ err: error }, "could not read the hall's services after a pull")),
    },
  };
}
