/**
 * Counts of values (seconds) per whole minute: what a day keeps of its waits and
 * service times so a month or a year of them gives a median and p90 without
 * reading every ticket again. Merging two is adding their counts.
 */
export type MinuteHistogram = Map<number, number>;

/** The whole minute a value in seconds falls in (a negative wait, from a kiosk's skewed clock, in a negative minute). */
export const minuteOf = (seconds: number): number => Math.floor(seconds / 60);

export function addToHistogram(into: MinuteHistogram, minute: number, count: number): void {
  into.set(minute, (into.get(minute) ?? 0) + count);
}

/**
 * The nearest-rank p-quantile (the value at rank ⌈p·n⌉) in seconds, placed within
 * its minute by its rank among that minute's values: at most a minute from the exact value.
 */
export function histogramPercentile(histogram: MinuteHistogram, p: number): number | null {
  const total = [...histogram.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let below = 0;
  for (const minute of [...histogram.keys()].sort((a, b) => a - b)) {
    const count = histogram.get(minute)!;
    if (below + count >= rank) return Math.round(60 * minute + (60 * (rank - below - 0.5)) / count);
    below += count;
  }
  return null;
}

/** As stored: `[[minute, count], …]` in minute order. */
export function histogramJson(histogram: MinuteHistogram): string {
  return JSON.stringify([...histogram].sort(([a], [b]) => a - b));
}

export function addHistogramJson(into: MinuteHistogram, json: string): void {
  for (const [minute, count] of JSON.parse(json) as [number, number][]) addToHistogram(into, minute, count);
}
