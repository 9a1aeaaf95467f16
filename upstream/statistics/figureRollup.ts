import type { Queryable } from '../../lib/sqlite/database.js';
import { zonedInstant } from '../../main/contract/businessDay.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { dayParts } from './dayParts.js';
import { periodVersions, rolledPeriods, writeDayParts, writeMonthMinutes } from './figureStore.js';
import type { DaySpan } from './windowTime.js';

/** Days a roll reads in one pass and writes in one transaction: a month, so a long backfill holds the store briefly each time. */
const daysPerRoll = 31;

export const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The business days `from`..`to`, each with the instants it runs between (the hall's reset hour to the next). */
export function daySpans(queue: HallQueue, from: string, to: string): DaySpan[] {
  const hour = String(queue.resetHour).padStart(2, '0') + ':00';
  const spans: DaySpan[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    spans.push({ day, start: zonedInstant(day, hour, queue.timeZone), end: zonedInstant(nextDay(day), hour, queue.timeZone) });
  }
  return spans;
}

/** The calendar months ('YYYY-MM') wholly inside `from`..`to`. */
export function wholeMonths(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); `${month}-01` <= to; month = nextMonth(month)) {
    if (`${month}-01` >= from && lastDayOf(month) <= to) months.push(month);
  }
  return months;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

function lastDayOf(month: string): string {
  return dayBefore(`${nextMonth(month)}-01`);
}

/**
 * Rolls up the closed days `from`..`to` that are not yet (or changed since), then the
 * whole months among them, and returns the months whose minute counts are rolled.
 */
export async function rollUpClosedDays(
  db: Queryable & { path?: string },
  queue: HallQueue,
  from: string,
  to: string,
  now: Date,
  signal?: AbortSignal,
): Promise<string[]> {
  const months = wholeMonths(from, to);
  const doneMonths = await rolledPeriods(db, months);
  // A month's version is read before its days are rolled: a day changed after that leaves the month unrolled.
  const monthVersions = await periodVersions(
    db,
    months.filter((month) => !doneMonths.has(month)),
  );
  const spans = daySpans(queue, from, to);
  const done = await rolledPeriods(
    db,
    spans.map((span) => span.day),
  );
  const missing = spans.filter((span) => !done.has(span.day));
  for (let index = 0; index < missing.length && !signal?.aborted;) {
    // One consecutive run of missing days, at most daysPerRoll long.
    const run = [missing[index]!];
    while (run.length < daysPerRoll && missing[index + run.length]?.day === nextDay(run[run.length - 1]!.day))
      run.push(missing[index + run.length]!);
    index += run.length;
    const days = run.map((span) => span.day);
    const versions = await periodVersions(db, days);
    await writeDayParts(db, await dayParts(db, queue, run, now), versions);
  }
  // A month adds up its days' rows only once they all are (a stop or a change mid-roll leaves some out).
  const rolledDays = await rolledPeriods(
    db,
    spans.map((span) => span.day),
  );
  for (const [month, version] of monthVersions) {
    if (daySpans(queue, `${month}-01`, lastDayOf(month)).every((span) => rolledDays.has(span.day)))
      await writeMonthMinutes(db, month, version);
  }
  const rolled = await rolledPeriods(db, months);
  return months.filter((month) => rolled.has(month));
}
