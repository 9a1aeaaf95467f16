import type { HallServicesKey } from '../../main/contract/hallServices.js';
import type { ChangeLog } from './changeLog.js';

/**
 * Publishes what the hall offers (its hall-config files as loaded) for every
 * terminal to pull, at the hall's start: an edited file reaches the
 * terminals at the next start, an unchanged one records no change.
 */
export async function publishHallServices(changes: ChangeLog, items: Record<HallServicesKey, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(items)) await changes.set('hallServices', key, value);
}
