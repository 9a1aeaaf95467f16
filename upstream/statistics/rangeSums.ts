import type { DayParts, Grouped } from './dayParts.js';
import { emptyCounts, type GroupCounts } from './groupFigures.js';
import { addToHistogram, histogramPercentile, type MinuteHistogram } from './minuteHistogram.js';

/** A range's figures added up from its days' parts: the rolled days' from SQL (figureStore.ts), the open day's from dayParts. */
export interface RangeSums {
  /** Per `${groupedBy}|${key}`: the sums, and how many days they cover (a group of one day keeps its exact percentiles). */
  groups: Map<string, { groupedBy: Grouped; key: string; days: number; exact: boolean; counts: GroupCounts }>;
  /** Each day's 'all' group. */
  days: Map<string, GroupCounts>;
  /** Per `${groupedBy}|${key}|${measure}`: minute → count. */
  minutes: Map<string, MinuteHistogram>;
  /** Per window: seconds per kind of time ('busy', 'available', 'paused:<reason>'). */
  windows: Map<number, Map<string, number>>;
  /** Tickets kiosks issued, per service. */
  kiosk: Map<string, number>;
}

export function emptySums(): RangeSums {
  return { groups: new Map(), days: new Map(), minutes: new Map(), windows: new Map(), kiosk: new Map() };
}

function addCounts(into: GroupCounts, counts: GroupCounts): void {
  for (const field of [
    'arrivals',
    'served',
    'noShows',
    'transferred',
    'waiting',
    'called',
    'withinTarget',
    'waitSeconds',
    'ratings',
    'scoreSum',
    'badRatings',
    'finished',
  ] as const) {
    into[field] += counts[field];
  }
  into.waitBuckets = into.waitBuckets.map((count, index) => count + (counts.waitBuckets[index] ?? 0));
}

export function addSeconds(sums: RangeSums, window: number, spent: string, seconds: number): void {
  if (!sums.windows.has(window)) sums.windows.set(window, new Map());
  const spentBy = sums.windows.get(window)!;
  spentBy.set(spent, (spentBy.get(spent) ?? 0) + seconds);
}

/** The minute counts of `${groupedBy}|${key}|${measure}`, started empty. */
export function histogramOf(sums: RangeSums, key: string): MinuteHistogram {
  if (!sums.minutes.has(key)) sums.minutes.set(key, new Map());
  return sums.minutes.get(key)!;
}

/** Adds days' parts (the open day's, computed now) to sums. */
export function addParts(sums: RangeSums, parts: DayParts): void {
  for (const { day, groupedBy, key, counts } of parts.groups) {
    const id = `${groupedBy}|${key}`;
    const group = sums.groups.get(id);
    if (group) {
      addCounts(group.counts, counts);
      group.days += 1;
    } else {
      sums.groups.set(id, {
        groupedBy,
        key,
        days: 1,
        exact: parts.exactFor.includes(groupedBy),
        counts: { ...counts, waitBuckets: [...counts.waitBuckets] },
      });
    }
    if (groupedBy === 'all') sums.days.set(day, counts);
  }
  for (const row of parts.minutes) addToHistogram(histogramOf(sums, `${row.groupedBy}|${row.key}|${row.measure}`), row.minute, row.n);
  for (const time of parts.windows) {
    addSeconds(sums, time.window, 'busy', time.busySeconds);
    addSeconds(sums, time.window, 'available', time.availableSeconds);
    for (const [reason, seconds] of Object.entries(time.pausedSeconds)) addSeconds(sums, time.window, `paused:${reason}`, seconds);
  }
  for (const row of parts.kiosk) sums.kiosk.set(row.service, (sums.kiosk.get(row.service) ?? 0) + row.tickets);
}

/**
 * A group's counts over the range: a group of one day keeps that day's exact
 * percentiles; over more days they come from its minute counts (within a minute).
 */
export function groupCounts(sums: RangeSums, groupedBy: Grouped, key: string): GroupCounts {
  const group = sums.groups.get(`${groupedBy}|${key}`);
  if (!group) return emptyCounts();
  if (group.days === 1 && group.exact) return group.counts;
  const percentile = (measure: 'wait' | 'service', p: number) =>
    histogramPercentile(sums.minutes.get(`${groupedBy}|${key}|${measure}`) ?? new Map(), p);
  return {
    ...group.counts,
    waitMedian: percentile('wait', 0.5),
    waitP90: percentile('wait', 0.9),
    serviceMedian: percentile('service', 0.5),
    serviceP90: percentile('service', 0.9),
  };
}
