import { hallServicesItems, type HallServicesKey } from '../../contract/hallServices.js';
import type { ScopeApplier } from '../../sync/puller.js';
import { HallServicesRepository } from './hallServicesRepository.js';

const isKnown = (key: string): key is HallServicesKey => Object.hasOwn(hallServicesItems, key);

/**
 * Scope `hallServices` into the terminal's copy. Each item is checked against
 * its schema before it is stored: a value this terminal cannot read fails the
 * pull (and is retried), rather than replacing a good copy. An item this
 * version does not know (a newer hall's) is skipped.
 */
export const hallServicesApplier: ScopeApplier = async (tx, items, first) => {
  const stored = new HallServicesRepository(tx);
  if (first) await stored.clear();
  for (const item of items) {
    if (!isKnown(item.key)) continue;
    if (item.value === null) await stored.remove(item.key);
    else await stored.put(item.key, hallServicesItems[item.key].parse(item.value));
  }
};
