import type { Queryable } from '../../lib/sqlite/database.js';
import { waitBucketEdges, type FigureRow } from './figuresSchema.js';
import type { SqlTime } from './sqlTime.js';

/** The range of business days and the hall's rules the figures are computed for. */
export interface FigureScope {
  db: Queryable;
  time: SqlTime;
  from: string;
  to: string;
  /** Target wait in seconds per service code. */
  targets: Readonly<Record<string, number>>;
}

/** A grouping of the figures: its key as SQL over queue_ticket (t) and over queue_visit (v). */
export interface Grouping {
  ticketKey: string;
  visitKey: string;
}

interface CountRow {
  k: string | number | null;
  arrivals: number;
  served: number;
  no_shows: number;
  waiting: number;
  called: number;
  within_target: number;
  wait_sum: number | null;
  ratings: number;
  score_sum: number | null;
  bad: number;
  [bucket: `b${number}`]: number;
}

/**
 * A group's figures as counts and sums, which add up across days and halls, and its
 * nearest-rank percentiles in seconds, which do not (a range of days takes them from
 * minute counts, rangeSums.ts). `finished` is kept for hour groups only.
 */
export interface GroupCounts {
  arrivals: number;
  served: number;
  noShows: number;
  transferred: number;
  waiting: number;
  called: number;
  withinTarget: number;
  waitSeconds: number;
  waitBuckets: number[];
  ratings: number;
  scoreSum: number;
  badRatings: number;
  finished: number;
  waitMedian: number | null;
  waitP90: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
}
export type Keyed = Map<string, GroupCounts>;

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);
const tenth = (value: number) => Math.round(value * 10) / 10;

/** What the dashboard shows of a group: rates, means and minutes from its counts. */
export function figureRow(counts: GroupCounts): FigureRow {
  const { called, withinTarget, waitSeconds, ratings, scoreSum } = counts;
  return {
    arrivals: counts.arrivals,
    served: counts.served,
    noShows: counts.noShows,
    transferred: counts.transferred,
    waiting: counts.waiting,
    called,
    withinTarget,
    serviceLevel: called === 0 ? null : tenth((100 * withinTarget) / called),
    waitAverage: called === 0 ? null : minutes(waitSeconds / called),
    waitMedian: minutes(counts.waitMedian),
    waitP90: minutes(counts.waitP90),
    serviceMedian: minutes(counts.serviceMedian),
    serviceP90: minutes(counts.serviceP90),
    waitBuckets: counts.waitBuckets,
    ratings,
    averageScore: ratings === 0 ? null : tenth(scoreSum / ratings),
    badRatings: counts.badRatings,
  };
}

/** Nearest-rank median and p90 of `value` per key, in SQL (window functions: SQLite ≥ 3.25 and PostgreSQL). */
async function percentiles(scope: FigureScope, key: string, value: string, from: string, where: string) {
  const rows = await scope.db.all<{ k: string | number | null; median: number; p90: number }>(
    `WITH v AS (SELECT ${key} AS k, ${value} AS x FROM ${from} WHERE ${where}),
     r AS (SELECT k, x, ROW_NUMBER() OVER (PARTITION BY k ORDER BY x) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM v WHERE x IS NOT NULL)
     SELECT k, MIN(CASE WHEN rn >= n * 0.5 THEN x END) AS median, MIN(CASE WHEN rn >= n * 0.9 THEN x END) AS p90 FROM r GROUP BY k`,
    [scope.from, scope.to],
  );
  return new Map(rows.map((row) => [String(row.k), row]));
}

/**
 * The figures of every group of one grouping over the range: counts and buckets in one pass over the
 * tickets, percentiles of wait (tickets) and of service time (the windows' stays), transfers (stays).
 */
export async function groupFigures(scope: FigureScope, grouping: Grouping, withPercentiles = true): Promise<Keyed> {
  const { db, time } = scope;
  const wait = time.seconds('t.issued_at', 't.first_called_at');
  const target = `CASE t.issued_service ${Object.entries(scope.targets)
    .map(([code, seconds]) => `WHEN '${code.replace(/'/g, '')}' THEN ${Math.trunc(seconds)}`)
    .join(' ')} ELSE 900 END`;
  const edges = [0, ...waitBucketEdges.map((edge) => edge * 60)];
  const buckets = edges
    .map((low, index) => {
      const high = edges[index + 1];
      return `SUM(CASE WHEN t.w >= ${low}${high === undefined ? '' : ` AND t.w < ${high}`} THEN 1 ELSE 0 END) AS b${index}`;
    })
    .join(', ');
  const inRange = 't.business_day >= ? AND t.business_day <= ?';
  // MATERIALIZED: each ticket's wait is computed once (SQLite would otherwise inline the expression into every SUM).
  const counts = await db.all<CountRow>(
    `WITH t AS MATERIALIZED (SELECT ${grouping.ticketKey} AS k, t.status, t.score, ${wait} AS w, ${target} AS target FROM queue_ticket t WHERE ${inRange})
     SELECT k, COUNT(*) AS arrivals,
       SUM(CASE WHEN t.status = 'finished' THEN 1 ELSE 0 END) AS served,
       SUM(CASE WHEN t.status = 'no_show' THEN 1 ELSE 0 END) AS no_shows,
       SUM(CASE WHEN t.status = 'waiting' THEN 1 ELSE 0 END) AS waiting,
       COUNT(t.w) AS called,
       SUM(CASE WHEN t.w <= t.target THEN 1 ELSE 0 END) AS within_target,
       SUM(t.w) AS wait_sum,
       COUNT(t.score) AS ratings, SUM(t.score) AS score_sum,
       SUM(CASE WHEN t.score <= 2 THEN 1 ELSE 0 END) AS bad, ${buckets}
     FROM t GROUP BY k`,
    [scope.from, scope.to],
  );
  const visitRange = "v.business_day >= ? AND v.business_day <= ? AND v.outcome = 'finished'";
  const [waits, services] = withPercentiles
    ? [
        await percentiles(scope, grouping.ticketKey, wait, 'queue_ticket t', inRange),
        await percentiles(scope, grouping.visitKey, time.seconds('v.called_at', 'v.ended_at'), 'queue_visit v', visitRange),
      ]
    : [new Map(), new Map()];
  const transfers = await db.all<{ k: string | number | null; transferred: number }>(
    `SELECT ${grouping.visitKey} AS k, COUNT(*) AS transferred FROM queue_visit v
     WHERE v.business_day >= ? AND v.business_day <= ? AND v.outcome = 'transferred' GROUP BY 1`,
    [scope.from, scope.to],
  );
  const result: Keyed = new Map();
  const row = (key: string) => {
    if (!result.has(key)) result.set(key, emptyCounts());
    return result.get(key)!;
  };
  for (const count of counts) {
    Object.assign(row(String(count.k)), {
      arrivals: Number(count.arrivals),
      served: Number(count.served),
      noShows: Number(count.no_shows),
      waiting: Number(count.waiting),
      called: Number(count.called),
      withinTarget: Number(count.within_target),
      waitSeconds: Number(count.wait_sum ?? 0),
      waitBuckets: edges.map((_, index) => Number(count[`b${index}`])),
      ratings: Number(count.ratings),
      scoreSum: Number(count.score_sum ?? 0),
      badRatings: Number(count.bad),
    });
  }
  for (const [key, values] of waits) Object.assign(row(key), { waitMedian: Number(values.median), waitP90: Number(values.p90) });
  for (const [key, values] of services) Object.assign(row(key), { serviceMedian: Number(values.median), serviceP90: Number(values.p90) });
  for (const transfer of transfers) row(String(transfer.k)).transferred = Number(transfer.transferred);
  return result;
}

export function emptyCounts(): GroupCounts {
  return {
    arrivals: 0,
    served: 0,
    noShows: 0,
    transferred: 0,
    waiting: 0,
    called: 0,
    withinTarget: 0,
    waitSeconds: 0,
    waitBuckets: [0, 0, 0, 0, 0, 0],
    ratings: 0,
    scoreSum: 0,
    badRatings: 0,
    finished: 0,
    waitMedian: null,
    waitP90: null,
    serviceMedian: null,
    serviceP90: null,
  };
}
