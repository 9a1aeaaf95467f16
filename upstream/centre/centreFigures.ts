import { z } from 'zod';
import type { Queryable } from '../../lib/sqlite/database.js';
import { centreReportSchema, countSchema, hallHealthSchema } from './centreProtocol.js';
import { liveFiguresSchema } from '../statistics/liveFigures.js';
import { waitBucketLabels } from '../statistics/figuresSchema.js';

/** A group of a district's figures (a hall, a service, a day, or the district): sums, and what they give. */
export const districtRowSchema = z.object({
  arrivals: countSchema,
  served: countSchema,
  noShows: countSchema,
  transferred: countSchema,
  called: countSchema,
  withinTarget: countSchema,
  /** withinTarget / called, in % to 0.1. */
  serviceLevel: z.number().nullable(),
  /** Mean wait to first call, minutes to 0.1 (a median does not add up across halls). */
  waitAverage: z.number().nullable(),
  waitBuckets: z.array(countSchema).length(waitBucketLabels.length),
  ratings: countSchema,
  averageScore: z.number().nullable(),
  badRatings: countSchema,
});
export type DistrictRow = z.infer<typeof districtRowSchema>;

export const hallNowSchema = z.object({
  hallId: z.string(),
  name: z.string(),
  reportedAt: z.string().nullable(),
  live: liveFiguresSchema.nullable(),
  health: hallHealthSchema.nullable(),
  services: centreReportSchema.shape.services,
});
export type HallNow = z.infer<typeof hallNowSchema>;

export const districtFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: districtRowSchema,
  halls: z.array(districtRowSchema.extend({ hallId: z.string(), name: z.string() })),
  services: z.array(districtRowSchema.extend({ service: z.string() })),
  days: z.array(districtRowSchema.extend({ day: z.string() })),
});
export type DistrictFigures = z.infer<typeof districtFiguresSchema>;

const buckets = [0, 1, 2, 3, 4, 5].map((index) => `SUM(wait_b${index}) AS b${index}`).join(', ');
const sums = `SUM(arrivals) AS arrivals, SUM(served) AS served, SUM(no_shows) AS no_shows, SUM(transferred) AS transferred,
  SUM(called) AS called, SUM(within_target) AS within_target, SUM(wait_seconds) AS wait_seconds, ${buckets},
  SUM(ratings) AS ratings, SUM(score_sum) AS score_sum, SUM(bad_ratings) AS bad_ratings`;

type SumRow = Record<string, number | string | null>;

const tenth = (value: number) => Math.round(value * 10) / 10;

function rowOf(sum: SumRow | undefined): DistrictRow {
  const n = (name: string) => Number(sum?.[name] ?? 0);
  return {
    arrivals: n('arrivals'),
    served: n('served'),
    noShows: n('no_shows'),
    transferred: n('transferred'),
    called: n('called'),
    withinTarget: n('within_target'),
    serviceLevel: n('called') === 0 ? null : tenth((100 * n('within_target')) / n('called')),
    waitAverage: n('called') === 0 ? null : tenth(n('wait_seconds') / n('called') / 60),
    waitBuckets: [0, 1, 2, 3, 4, 5].map((index) => n(`b${index}`)),
    ratings: n('ratings'),
    averageScore: n('ratings') === 0 ? null : tenth(n('score_sum') / n('ratings')),
    badRatings: n('bad_ratings'),
  };
}

/** The district's figures for business days `from`..`to`: every hall side by side, each service and day, and the total. */
export async function districtFigures(db: Queryable, from: string, to: string): Promise<DistrictFigures> {
  const range = 'day >= ? AND day <= ?';
  const halls = await db.all<{ id: string; name: string }>('SELECT id, name FROM centre_hall ORDER BY id');
  const byHall = await db.all<SumRow>(`SELECT hall_id AS k, ${sums} FROM centre_hour WHERE ${range} GROUP BY hall_id`, [from, to]);
  const byService = await db.all<SumRow>(`SELECT service AS k, ${sums} FROM centre_hour WHERE ${range} GROUP BY service ORDER BY service`, [
    from,
    to,
  ]);
  const byDay = await db.all<SumRow>(`SELECT day AS k, ${sums} FROM centre_hour WHERE ${range} GROUP BY day ORDER BY day`, [from, to]);
  const total = await db.get<SumRow>(`SELECT ${sums} FROM centre_hour WHERE ${range}`, [from, to]);
  return {
    from,
    to,
    total: rowOf(total),
    halls: halls.map((hall) => ({ hallId: hall.id, name: hall.name, ...rowOf(byHall.find((row) => row.k === hall.id)) })),
    services: byService.map((row) => ({ service: String(row.k), ...rowOf(row) })),
    days: byDay.map((row) => ({ day: String(row.k), ...rowOf(row) })),
  };
}

function stored<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** What each hall last said of now; a hall never heard from has nulls. */
export async function hallsNow(db: Queryable): Promise<HallNow[]> {
  const rows = await db.all<{
    id: string;
    name: string;
    reported_at: string | null;
    live: string | null;
    health: string | null;
    services: string | null;
  }>(
    `SELECT h.id, h.name, n.reported_at, n.live, n.health, n.services FROM centre_hall h LEFT JOIN centre_hall_now n ON n.hall_id = h.id ORDER BY h.id`,
  );
  return rows.map((row) => ({
    hallId: row.id,
    name: row.name,
    reportedAt: row.reported_at,
    // What a hall reported under an older protocol is shown as not known rather than break the page.
    live: stored(liveFiguresSchema, row.live),
    health: stored(hallHealthSchema, row.health),
    services: stored(centreReportSchema.shape.services, row.services) ?? [],
  }));
}
