import type { Queryable } from '../../../lib/sqlite/database.js';
import { businessDay } from '../../contract/businessDay.js';
import { QueueCacheRepository } from './queueCacheRepository.js';
import { boardCalls, type QueueSnapshot } from './queueViews.js';

/**
 * The terminal's copy of the queue for the hall's current business day (nothing before the first pull).
 * `tickets: 'shown'` keeps only the waiting and the last calls: all that hallBoard and queueOverview read.
 */
export async function loadQueueSnapshot(db: Queryable, now: Date = new Date(), tickets: 'all' | 'shown' = 'all'): Promise<QueueSnapshot> {
  const cache = new QueueCacheRepository(db);
  const rules = await cache.rules();
  const day = rules ? businessDay(now, rules.resetHour, rules.timeZone) : null;
  const ofDay = !day ? [] : tickets === 'all' ? await cache.tickets(day) : await cache.waitingAndLastCalled(day, boardCalls);
  return { rules, services: await cache.services(), windows: await cache.windows(), tickets: ofDay, now };
}
