import type { Queryable } from '../../../lib/sqlite/database.js';
import { businessDay } from '../../contract/businessDay.js';
import { QueueCacheRepository } from './queueCacheRepository.js';
import type { QueueSnapshot } from './queueViews.js';

/** The terminal's copy of the queue for the hall's current business day (nothing before the first pull). */
export async function loadQueueSnapshot(db: Queryable, now: Date = new Date()): Promise<QueueSnapshot> {
  const cache = new QueueCacheRepository(db);
  const rules = await cache.rules();
  const day = rules ? businessDay(now, rules.resetHour, rules.timeZone) : null;
  return { rules, services: await cache.services(), windows: await cache.windows(), tickets: day ? await cache.tickets(day) : [], now };
}
