import type { Database } from '../../lib/sqlite/database.js';
import type { CentreReport } from './centreProtocol.js';

const bucketColumns = ['wait_b0', 'wait_b1', 'wait_b2', 'wait_b3', 'wait_b4', 'wait_b5'] as const;

/**
 * Takes a hall's report in one transaction: each hour it has not seen from
 * this hall (by sequence number) replaces what it held for that hour, and the
 * hall's figures now replace the last ones. Returns the highest sequence
 * number held, which the hall may then forget.
 */
export async function takeReport(db: Database, hallId: string, report: CentreReport, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // One report of a hall at a time (two hall processes may send at once): the hall's row is the lock.
    await tx.run('UPDATE centre_hall SET id = id WHERE id = ?', [hallId]);
    const held = await tx.get<{ last_seq: number }>('SELECT last_seq FROM centre_hall_now WHERE hall_id = ?', [hallId]);
    let last = Number(held?.last_seq ?? 0);
    for (const { seq, figures: f } of report.hours) {
      if (seq <= last) continue;
      await tx.run(
        `INSERT INTO centre_hour (hall_id, day, hour, service, arrivals, served, no_shows, transferred, called, within_target,
           wait_seconds, ${bucketColumns.join(', ')}, ratings, score_sum, bad_ratings)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (hall_id, day, hour, service) DO UPDATE SET arrivals = excluded.arrivals, served = excluded.served,
           no_shows = excluded.no_shows, transferred = excluded.transferred, called = excluded.called,
           within_target = excluded.within_target, wait_seconds = excluded.wait_seconds,
           ${bucketColumns.map((column) => `${column} = excluded.${column}`).join(', ')},
           ratings = excluded.ratings, score_sum = excluded.score_sum, bad_ratings = excluded.bad_ratings`,
        [
          hallId,
          f.day,
          f.hour,
          f.service,
          f.arrivals,
          f.served,
          f.noShows,
          f.transferred,
          f.called,
          f.withinTarget,
          f.waitSeconds,
          ...f.waitBuckets,
          f.ratings,
          f.scoreSum,
          f.badRatings,
        ],
      );
      last = seq;
    }
    await tx.run(
      `INSERT INTO centre_hall_now (hall_id, reported_at, live, health, services, last_seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (hall_id) DO UPDATE SET reported_at = excluded.reported_at, live = excluded.live, health = excluded.health,
         services = excluded.services,
         last_seq = CASE WHEN excluded.last_seq > centre_hall_now.last_seq THEN excluded.last_seq ELSE centre_hall_now.last_seq END`,
      [hallId, at.toISOString(), JSON.stringify(report.live), JSON.stringify(report.health), JSON.stringify(report.services), last],
    );
    return last;
  });
}
