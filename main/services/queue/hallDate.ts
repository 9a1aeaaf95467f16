import { format } from 'date-fns';
import type { Queryable } from '../../../lib/sqlite/database.js';
import { businessDay } from '../../contract/businessDay.js';
import { QueueCacheRepository } from './queueCacheRepository.js';

/**
 * Today's date in the hall's time zone (from the queue rules the terminal
 * pulled), the date appointments are booked by, so a terminal whose clock
 * is set to another zone agrees with the hall. Before the first pull: the
 * terminal's local date.
 */
export async function hallDate(db: Queryable, now = new Date()): Promise<string> {
  const rules = await new QueueCacheRepository(db).rules();
  return rules ? businessDay(now, 0, rules.timeZone) : format(now, 'yyyy-MM-dd');
}
