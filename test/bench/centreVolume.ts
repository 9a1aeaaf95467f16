import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../lib/sqlite/database.js';
import { districtFigures } from '../../upstream/centre/centreFigures.js';
import { openCentreDatabase } from '../../upstream/centre/openCentreDatabase.js';
import { freshHallStore, type HallBackend } from '../support/hallOnLoopback.js';
import { seededRandom } from '../support/seededRandom.js';
import { medianMs, report } from './measure.js';

const lastDay = '2026-11-28';
const dayOf = (back: number) => new Date(Date.parse(`${lastDay}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);

/** A district's history as its halls report it: per hall, day, opening hour (08–17) and service, about 1,450 tickets a hall a day. */
async function writeDistrictHistory(db: Database, halls: number, days: number): Promise<number> {
  const next = seededRandom(20261130);
  let rows = 0;
  for (let hall = 1; hall <= halls; hall += 1)
    await db.run('INSERT INTO centre_hall (id, name, secret, enrolled_at) VALUES (?, ?, ?, ?)', [
      `hall-${hall}`,
      `Hall ${hall}`,
      'x',
      lastDay,
    ]);
  for (let back = days - 1; back >= 0; back -= 1) {
    const values: unknown[][] = [];
    for (let hall = 1; hall <= halls; hall += 1)
      for (let hour = 8; hour <= 17; hour += 1)
        for (const service of ['A', 'B', 'C', 'D']) {
          const arrivals = 20 + Math.floor(next() * 30);
          const served = arrivals - Math.floor(next() * 3);
          values.push([
            `hall-${hall}`,
            dayOf(back),
            hour,
            service,
            arrivals,
            served,
            arrivals - served,
            1,
            arrivals,
            served - 5,
            arrivals * 600,
            8,
            8,
            8,
            8,
            4,
            1,
            15,
            60,
            2,
          ]);
        }
    await db.transaction(async (tx) => {
      for (let start = 0; start < values.length; start += 200) {
        const batch = values.slice(start, start + 200);
        await tx.run(
          `INSERT INTO centre_hour (hall_id, day, hour, service, arrivals, served, no_shows, transferred, called, within_target, wait_seconds,
             wait_b0, wait_b1, wait_b2, wait_b3, wait_b4, wait_b5, ratings, score_sum, bad_ratings)
           VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          batch.flat(),
        );
      }
    });
    rows += values.length;
  }
  return rows;
}

/**
 * The district centre's figures for a day, a month and a year over 10 halls
 * with 2 years of reports (ONEWINDOW_BENCH_HISTORY_DAYS makes it smaller, as
 * CI does), against a plain count(*) over the same rows: the centre keeps
 * hour sums, so a year is a sum over rows, not over tickets.
 */
export async function benchCentreVolume(): Promise<void> {
  const days = Number(process.env.ONEWINDOW_BENCH_HISTORY_DAYS ?? (process.env.CI ? 40 : 730));
  const backends: HallBackend[] = process.env.ONEWINDOW_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const backend of backends) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-centre-volume-'));
    const store = await freshHallStore(backend, dir);
    const db = await openCentreDatabase(backend === 'sqlite' ? path.join(dir, 'centre.db') : store.location);
    try {
      const rows = await writeDistrictHistory(db, 10, days);
      await db.exec('ANALYZE');
      for (const [label, span] of [
        ['day', 1],
        ['month', 30],
        ['year', Math.min(365, days)],
      ] as const) {
        const from = dayOf(span - 1);
        const count = await medianMs(5, () => db.get('SELECT count(*) AS n FROM centre_hour WHERE day >= ? AND day <= ?', [from, lastDay]));
        const figures = await medianMs(5, () => districtFigures(db, from, lastDay));
        report(`centre figures ${label} (${backend}, 10 halls, ${rows} hour rows)`, figures, 'count(*) of the same rows', count);
      }
    } finally {
      await db.close();
      await store.drop();
      await rm(dir, { recursive: true, force: true });
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCentreVolume();
