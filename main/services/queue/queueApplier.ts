import type { ScopeApplier } from '../../sync/puller.js';
import { parseQueueItem } from '../../contract/queueKeys.js';
import { QueueCacheRepository } from './queueCacheRepository.js';

/** The terminal's copy of the hall's queue (rules, services, windows, tickets): a cache the hall can always refill. */
export const queueApplier: ScopeApplier = async (tx, items, first) => {
  const cache = new QueueCacheRepository(tx);
  if (first) await cache.clear();
  // Runs of values go in one statement each; a removal between them keeps its place in the order.
  let run: Parameters<QueueCacheRepository['putAll']>[0][number][] = [];
  for (const item of items) {
    const parsed = item.value === null ? null : parseQueueItem(item.key, item.value);
    if (parsed) run.push({ key: item.key, businessDay: parsed.day, value: parsed.value });
    if (item.value !== null) continue;
    await cache.putAll(run);
    run = [];
    await cache.remove(item.key);
  }
  await cache.putAll(run);
};
