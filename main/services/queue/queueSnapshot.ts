import type { Queryable } from '../../../lib/sqlite/database.js';
import { businessDay } from '../../contract/businessDay.js';
import { QueueCacheRepository } from './queueCacheRepository.js';
import { boardCalls, type QueueSnapshot } from './queueViews.js';
import type { QueueTicket } from '../../contract/queue.js';

/**
 * The terminal's copy of the queue for the hall's current business day (nothing before the first pull).
 * Which of the day's tickets: `all`; `shown`, the waiting, the last calls and each window's current ticket,
 * all that hallBoard, queueOverview and counterState read (a busy day's finished tickets are neither read nor
 * parsed on each change); `none`, for what needs only the rules, services and windows.
 */
export async function loadQueueSnapshot(
  db: Queryable,
  now: Date = new Date(),
  tickets: 'all' | 'shown' | 'none' = 'all',
): Promise<QueueSnapshot> {
  const cache = new QueueCacheRepository(db);
  const { rules, services, windows } = await cache.setup();
  const day = rules ? businessDay(now, rules.resetHour, rules.timeZone) : null;
  let ofDay: QueueTicket[] = [];
  if (day && tickets === 'all') ofDay = await cache.tickets(day);
  if (day && tickets === 'shown') {
    const currentIds = windows.flatMap((window) => (window.currentTicketId ? [window.currentTicketId] : []));
    ofDay = await cache.shownTickets(day, boardCalls, currentIds);
  }
  return { rules, services, windows, tickets: ofDay, now };
}
