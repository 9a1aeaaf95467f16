import type { Logger } from 'pino';
import type { Database } from '../../lib/sqlite/database.js';
import { businessDay } from '../../main/contract/businessDay.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { dayBefore, rollUpClosedDays } from './figureRollup.js';

export interface HistoryRollParts {
  db: Database;
  queue: HallQueue;
  now: () => Date;
  logger: Logger;
  /** How often to look for closed days not rolled up (default hourly: yesterday, after the reset). */
  everyMs?: number;
}

/**
 * Rolls up every closed day the hall has tickets for, in the background: at
 * start (a hall upgraded with years of tickets) and then each hour, so the
 * dashboard seldom waits for a roll. Returns how to stop it (after the day being rolled).
 */
export function startHistoryRoll(parts: HistoryRollParts): () => Promise<void> {
  const stopping = new AbortController();
  let round: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const roll = async () => {
    const first = await parts.db.get<{ day: string | null }>('SELECT MIN(business_day) AS day FROM queue_ticket');
    const yesterday = dayBefore(businessDay(parts.now(), parts.queue.resetHour, parts.queue.timeZone));
    if (first?.day && first.day <= yesterday)
      await rollUpClosedDays(parts.db, parts.queue, first.day, yesterday, parts.now(), stopping.signal);
  };
  const tick = () => {
    round = roll()
      .catch((error: unknown) => parts.logger.warn({ err: error }, 'could not roll up the figures of closed days'))
      .finally(() => {
        if (!stopping.signal.aborted) timer = setTimeout(tick, parts.everyMs ?? 3600_000);
      });
  };
  timer = setTimeout(tick, 0);
  return async () => {
    stopping.abort();
    clearTimeout(timer);
    await round;
  };
}
