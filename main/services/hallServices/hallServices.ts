import type { Queryable } from '../../../lib/sqlite/database.js';
import type { AppointmentsConfig } from '../../contract/appointments.js';
import type { CitizenCatalog } from '../../contract/citizenCatalog.js';
import type { ConvenienceConfig } from '../../contract/convenience.js';
import { ServiceError } from '../../contract/errors.js';
import { hallServicesItems, type HallServicesKey } from '../../contract/hallServices.js';
import { HallServicesRepository } from './hallServicesRepository.js';

/**
 * What the hall offers, as this terminal last pulled it, read where it is
 * used (a certificate, a lookup, an appointment, a convenience form), so a
 * pull takes effect at the next use. Until the first pull there is nothing
 * to offer, and the services that need it say so.
 */
export class HallServices {
  #items = new Map<HallServicesKey, unknown>();

  constructor(private readonly db: Queryable) {}

  /**
   * Reads the stored copy again: at start, and after each pull of the scope.
   * An item this version cannot read (stored by an older one, under another
   * schema) is left out, as if not yet received, until the next pull brings it
   * again: the terminal must start whatever its store holds.
   */
  async reload(): Promise<HallServicesKey[]> {
    const stored = await new HallServicesRepository(this.db).all();
    const items = new Map<HallServicesKey, unknown>();
    const unreadable: HallServicesKey[] = [];
    for (const [key, schema] of Object.entries(hallServicesItems) as [HallServicesKey, (typeof hallServicesItems)[HallServicesKey]][]) {
      if (!stored.has(key)) continue;
      const parsed = schema.safeParse(stored.get(key));
      if (parsed.success) items.set(key, parsed.data);
      else unreadable.push(key);
    }
    this.#items = items;
    return unreadable;
  }

  catalog(): CitizenCatalog {
    return this.#item('citizen-services') as CitizenCatalog;
  }

  appointments(): AppointmentsConfig {
    return this.#item('appointments') as AppointmentsConfig;
  }

  convenience(): ConvenienceConfig {
    return this.#item('convenience-forms') as ConvenienceConfig;
  }

  #item(key: HallServicesKey): unknown {
    const value = this.#items.get(key);
    if (value === undefined)
      throw new ServiceError(
        'unavailable',
        `this terminal has not yet received the hall's ${key}: it comes with the first pull from the hall`,
      );
    return value;
  }
}
