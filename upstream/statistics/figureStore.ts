import { insertRows, placeholders } from '../../lib/sqlite/batchStatements.js';
import type { Queryable } from '../../lib/sqlite/database.js';
import type { DayParts, Grouped, Measure } from './dayParts.js';
import type { GroupCounts } from './groupFigures.js';
import { addHistogramJson, addToHistogram, histogramJson, type MinuteHistogram } from './minuteHistogram.js';
import { addSeconds, emptySums, histogramOf, type RangeSums } from './rangeSums.js';

/**
 * The SQL of the rolled-up figures (migration 0021): closed days written once,
 * forgotten when one of their tickets changes, and added up for a range.
 */

const monthOf = (day: string) => day.slice(0, 7);
const bucketColumns = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'] as const;
const countColumns = [
  ['arrivals', 'arrivals'],
  ['served', 'served'],
  ['no_shows', 'noShows'],
  ['transferred', 'transferred'],
  ['waiting', 'waiting'],
  ['called', 'called'],
  ['within_target', 'withinTarget'],
  ['wait_seconds', 'waitSeconds'],
  ['ratings', 'ratings'],
  ['score_sum', 'scoreSum'],
  ['bad_ratings', 'badRatings'],
  ['finished', 'finished'],
] as const;
const percentileColumns = [
  ['wait_median', 'waitMedian'],
  ['wait_p90', 'waitP90'],
  ['service_median', 'serviceMedian'],
  ['service_p90', 'serviceP90'],
] as const;

/**
 * Marks a business day (and its month) as changed, so its figures are rolled up again when next asked
 * for. An upsert: a roll that has not yet seen the day waits for this change to commit, then reads it.
 */
export async function forgetFigureDay(tx: Queryable, day: string): Promise<void> {
  await tx.run(
    `INSERT INTO figure_period (period, version, rolled) VALUES (?, 1, 0), (?, 1, 0)
     ON CONFLICT (period) DO UPDATE SET version = figure_period.version + 1, rolled = 0`,
    [day, monthOf(day)],
  );
}

/** Of `versions` (read before a roll), the periods whose version is still the same: the ones its figures may stand for. */
async function unchanged(tx: Queryable, versions: Map<string, number>): Promise<string[]> {
  const now = await versionsOf(tx, [...versions.keys()]);
  return [...versions.keys()].filter((period) => now.get(period) === versions.get(period));
}

async function versionsOf(db: Queryable, periods: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.all<{ period: string; version: number }>(
    `SELECT period, version FROM figure_period WHERE period IN (${placeholders(periods.length)})`,
    periods,
  );
  return new Map(rows.map((row) => [row.period, Number(row.version)]));
}

/** Of `periods`, those rolled up. */
export async function rolledPeriods(db: Queryable, periods: readonly string[]): Promise<Set<string>> {
  const rolled = new Set<string>();
  for (let offset = 0; offset < periods.length; offset += 500) {
    const slice = periods.slice(offset, offset + 500);
    const rows = await db.all<{ period: string }>(
      `SELECT period FROM figure_period WHERE rolled = 1 AND period IN (${placeholders(slice.length)})`,
      slice,
    );
    for (const row of rows) rolled.add(row.period);
  }
  return rolled;
}

/** The versions of `periods` before a roll reads their figures (a period not seen yet starts at 0). */
export async function periodVersions(db: Queryable, periods: readonly string[]): Promise<Map<string, number>> {
  if (periods.length === 0) return new Map();
  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      'figure_period',
      ['period', 'version', 'rolled'],
      periods.map((period) => [period, 0, 0]),
      'ON CONFLICT (period) DO NOTHING',
    );
  });
  return versionsOf(db, periods);
}

/**
 * Writes the parts of closed days read when their versions were `versions`; a day changed since
 * keeps what it had (a newer roll's, or none) and stays to be rolled again.
 */
export async function writeDayParts(db: Queryable, parts: DayParts, versions: Map<string, number>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run("UPDATE hall_counter SET value = value + 1 WHERE name = 'figure_rolls'");
    const days = await unchanged(tx, versions);
    if (days.length === 0) return;
    const kept = new Set(days);
    parts = {
      ...parts,
      groups: parts.groups.filter((row) => kept.has(row.day)),
      minutes: parts.minutes.filter((row) => kept.has(row.day)),
      windows: parts.windows.filter((row) => kept.has(row.day)),
      kiosk: parts.kiosk.filter((row) => kept.has(row.day)),
    };
    const inDays = `business_day IN (${placeholders(days.length)})`;
    for (const table of ['figure_group', 'figure_day_minutes', 'figure_window', 'figure_kiosk']) {
      await tx.run(`DELETE FROM ${table} WHERE ${inDays}`, days);
    }
    await insertRows(
      tx,
      'figure_group',
      [
        'business_day',
        'grouped_by',
        'group_key',
        ...countColumns.map(([column]) => column),
        ...bucketColumns,
        ...percentileColumns.map(([column]) => column),
      ],
      parts.groups.map(({ day, groupedBy, key, counts }) => [
        day,
        groupedBy,
        key,
        ...countColumns.map(([, field]) => counts[field]),
        ...counts.waitBuckets,
        ...percentileColumns.map(([, field]) => counts[field]),
      ]),
    );
    const histograms = new Map<string, { row: unknown[]; histogram: MinuteHistogram }>();
    for (const { day, groupedBy, key, measure, minute, n } of parts.minutes) {
      const id = `${day}|${groupedBy}|${key}|${measure}`;
      if (!histograms.has(id)) histograms.set(id, { row: [day, groupedBy, key, measure], histogram: new Map() });
      addToHistogram(histograms.get(id)!.histogram, minute, n);
    }
    await insertRows(
      tx,
      'figure_day_minutes',
      ['business_day', 'grouped_by', 'group_key', 'measure', 'counts'],
      [...histograms.values()].map(({ row, histogram }) => [...row, histogramJson(histogram)]),
    );
    await insertRows(
      tx,
      'figure_window',
      ['business_day', 'window_number', 'spent', 'seconds'],
      parts.windows.flatMap((time) => [
        [time.day, time.window, 'busy', time.busySeconds],
        [time.day, time.window, 'available', time.availableSeconds],
        ...Object.entries(time.pausedSeconds).map(([reason, seconds]) => [time.day, time.window, `paused:${reason}`, seconds]),
      ]),
    );
    await insertRows(
      tx,
      'figure_kiosk',
      ['business_day', 'service', 'tickets'],
      parts.kiosk.map((row) => [row.day, row.service, row.tickets]),
    );
    await tx.run(`UPDATE figure_period SET rolled = 1 WHERE ${inDays.replace('business_day', 'period')}`, days);
  });
}

/** Adds a month's rolled days' minute counts into its own rows; its days must be rolled. */
export async function writeMonthMinutes(db: Queryable, month: string, version: number): Promise<void> {
  const days = await db.all<{ grouped_by: string; group_key: string; measure: string; counts: string }>(
    'SELECT grouped_by, group_key, measure, counts FROM figure_day_minutes WHERE business_day >= ? AND business_day <= ?',
    [`${month}-01`, `${month}-31`],
  );
  const histograms = new Map<string, { row: unknown[]; histogram: MinuteHistogram }>();
  for (const day of days) {
    const id = `${day.grouped_by}|${day.group_key}|${day.measure}`;
    if (!histograms.has(id)) histograms.set(id, { row: [month, day.grouped_by, day.group_key, day.measure], histogram: new Map() });
    addHistogramJson(histograms.get(id)!.histogram, day.counts);
  }
  await db.transaction(async (tx) => {
    await tx.run("UPDATE hall_counter SET value = value + 1 WHERE name = 'figure_rolls'");
    if ((await unchanged(tx, new Map([[month, version]]))).length === 0) return;
    await tx.run('DELETE FROM figure_month_minutes WHERE month = ?', [month]);
    await insertRows(
      tx,
      'figure_month_minutes',
      ['month', 'grouped_by', 'group_key', 'measure', 'counts'],
      [...histograms.values()].map(({ row, histogram }) => [...row, histogramJson(histogram)]),
    );
    await tx.run('UPDATE figure_period SET rolled = 1 WHERE period = ?', [month]);
  });
}

const countsOf = (row: Record<string, unknown>): GroupCounts => ({
  ...(Object.fromEntries(countColumns.map(([column, field]) => [field, Number(row[column] ?? 0)])) as Omit<
    GroupCounts,
    'waitBuckets' | 'waitMedian' | 'waitP90' | 'serviceMedian' | 'serviceP90'
  >),
  waitBuckets: bucketColumns.map((column) => Number(row[column] ?? 0)),
  ...(Object.fromEntries(percentileColumns.map(([column, field]) => [field, row[column] === null ? null : Number(row[column])])) as Pick<
    GroupCounts,
    'waitMedian' | 'waitP90' | 'serviceMedian' | 'serviceP90'
  >),
});

/**
 * The sums of rolled days `from`..`to`. Minute counts come from the rolled months
 * wholly inside the range (`months`, in order) and from the days outside them.
 */
export async function readRolled(
  db: Queryable,
  from: string,
  to: string,
  months: readonly string[],
  withMinutes: boolean,
): Promise<RangeSums> {
  const sums = emptySums();
  const range = [from, to];
  const summed = [...countColumns.map(([column]) => column), ...bucketColumns].map((column) => `SUM(${column}) AS ${column}`).join(', ');
  const single = percentileColumns.map(([column]) => `MIN(${column}) AS ${column}`).join(', ');
  const groups = await db.all<Record<string, unknown> & { grouped_by: Grouped; group_key: string; days: number }>(
    `SELECT grouped_by, group_key, COUNT(*) AS days, ${summed}, ${single} FROM figure_group
     WHERE business_day >= ? AND business_day <= ? GROUP BY grouped_by, group_key`,
    range,
  );
  for (const row of groups) {
    sums.groups.set(`${row.grouped_by}|${row.group_key}`, {
      groupedBy: row.grouped_by,
      key: row.group_key,
      days: Number(row.days),
      exact: true,
      counts: countsOf(row),
    });
  }
  const days = await db.all<Record<string, unknown> & { business_day: string }>(
    "SELECT * FROM figure_group WHERE business_day >= ? AND business_day <= ? AND grouped_by = 'all'",
    range,
  );
  for (const row of days) sums.days.set(row.business_day, countsOf(row));
  if (withMinutes) {
    // The days outside the months: before the first, between two (a month not rolled), after the last.
    const edges: string[][] = [];
    let low = from;
    for (const month of months) {
      if (low <= `${month}-00`) edges.push([low, `${month}-00`]);
      low = `${month}-32`;
    }
    if (low <= to) edges.push([low, to]);
    const selects = [
      ...(months.length > 0
        ? [`SELECT grouped_by, group_key, measure, counts FROM figure_month_minutes WHERE month IN (${placeholders(months.length)})`]
        : []),
      ...(edges.length > 0
        ? [
            `SELECT grouped_by, group_key, measure, counts FROM figure_day_minutes WHERE ${edges
              .map(() => '(business_day >= ? AND business_day <= ?)')
              .join(' OR ')}`,
          ]
        : []),
    ];
    const minutes = await db.all<{ grouped_by: string; group_key: string; measure: Measure; counts: string }>(selects.join(' UNION ALL '), [
      ...months,
      ...edges.flat(),
    ]);
    for (const row of minutes) addHistogramJson(histogramOf(sums, `${row.grouped_by}|${row.group_key}|${row.measure}`), row.counts);
  }
  const windows = await db.all<{ window_number: number; spent: string; seconds: number }>(
    'SELECT window_number, spent, SUM(seconds) AS seconds FROM figure_window WHERE business_day >= ? AND business_day <= ? GROUP BY window_number, spent',
    range,
  );
  for (const row of windows) addSeconds(sums, Number(row.window_number), row.spent, Number(row.seconds));
  const kiosk = await db.all<{ service: string; tickets: number }>(
    'SELECT service, SUM(tickets) AS tickets FROM figure_kiosk WHERE business_day >= ? AND business_day <= ? GROUP BY service',
    range,
  );
  for (const row of kiosk) sums.kiosk.set(row.service, Number(row.tickets));
  return sums;
}
