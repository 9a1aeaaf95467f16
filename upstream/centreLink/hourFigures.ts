import type { Queryable } from '../../lib/sqlite/database.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { HourFigures } from '../centre/centreProtocol.js';
import { groupFigures } from '../statistics/groupFigures.js';
import { isPostgres, offsetMinutes, sqlTime } from '../statistics/sqlTime.js';

/**
 * The hall's figures per business day, local hour and service over days
 * `from`..`to`: the same SQL as its own dashboard (groupFigures), grouped
 * finer, so the centre's sums of these equal the hall's own totals.
 */
export async function hourFigures(db: Queryable & { path?: string }, queue: HallQueue, from: string, to: string): Promise<HourFigures[]> {
  const time = sqlTime(isPostgres(db), offsetMinutes(queue.timeZone, from));
  const key = (day: string, at: string, service: string) => `${day} || '|' || CAST(${time.localHour(at)} AS TEXT) || '|' || ${service}`;
  const rows = await groupFigures(
    {
      db,
      time,
      from,
      to,
      targets: Object.fromEntries(queue.services.map((service) => [service.code, service.targetWaitMinutes * 60])),
    },
    { ticketKey: key('t.business_day', 't.issued_at', 't.service'), visitKey: key('v.business_day', 'v.called_at', 'v.service') },
  );
  return [...rows.entries()]
    .map(([grouped, row]) => {
      const [day, hour, service] = grouped.split('|') as [string, string, string];
      return {
        day,
        hour: Number(hour),
        service,
        arrivals: row.arrivals,
        served: row.served,
        noShows: row.noShows,
        transferred: row.transferred,
        called: row.called,
        withinTarget: row.withinTarget,
        waitSeconds: row.waitSeconds,
        waitBuckets: row.waitBuckets,
        ratings: row.ratings,
        scoreSum: row.scoreSum,
        badRatings: row.badRatings,
      };
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour || a.service.localeCompare(b.service));
}
