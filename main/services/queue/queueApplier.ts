import type { ScopeApplier } from '../../sync/puller.js';
import { parseQueueItem } from '../../contract/queueKeys.js';
import { QueueCacheRepository } from './queueCacheRepository.js';

/** The terminal's copy of the hall's queue (rules, services, windows, tickets): a cache the hall can always refill. */
export const queueApplier: ScopeApplier = async (tx, items, first) => {
  const cache = new QueueCacheRepository(tx);
  if (first) await cache.clear();
  for (const item of items) {
    const parsed = item.value === null ? null : parseQueueItem(item.key, item.value);
    if (item.value === null) await cache.remove(item.key);
    else if (parsed) await cache.put(item.key, parsed.day, parsed.value);
  }
};
