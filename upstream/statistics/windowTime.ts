import type { Queryable } from '../../lib/sqlite/database.js';
import type { QueueWindow } from '../../main/contract/queue.js';

type PauseReason = NonNullable<QueueWindow['pausedReason']>;

export interface WindowTime {
  busySeconds: number;
  availableSeconds: number;
  pausedSeconds: Partial<Record<PauseReason, number>>;
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * Each window's time over the range: busy (its stays, call to leaving), paused
 * (by reason, clipped to the range and to now), and available — from its first
 * call to its last ticket leaving on each day, less the pauses in between.
 */
export async function windowTime(
  db: Queryable,
  range: { from: string; to: string; start: string; end: string; now: string },
): Promise<Map<number, WindowTime>> {
  const spans = await db.all<{ window_number: number; business_day: string; called_at: string; ended_at: string }>(
    'SELECT window_number, business_day, called_at, ended_at FROM queue_visit WHERE business_day >= ? AND business_day <= ? AND ended_at IS NOT NULL',
    [range.from, range.to],
  );
  const pauses = await db.all<{ window_number: number; reason: PauseReason; started_at: string; ended_at: string | null }>(
    'SELECT window_number, reason, started_at, ended_at FROM window_pause WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)',
    [range.end, range.start],
  );
  const result = new Map<number, WindowTime>();
  const of = (window: number) => {
    if (!result.has(window)) result.set(window, { busySeconds: 0, availableSeconds: 0, pausedSeconds: {} });
    return result.get(window)!;
  };
  const days = new Map<string, { window: number; first: number; last: number }>();
  for (const span of spans) {
    const [start, end] = [Date.parse(span.called_at), Date.parse(span.ended_at)];
    of(span.window_number).busySeconds += Math.round((end - start) / 1000);
    const key = `${span.window_number} ${span.business_day}`;
    const day = days.get(key) ?? { window: span.window_number, first: start, last: end };
    days.set(key, { window: day.window, first: Math.min(day.first, start), last: Math.max(day.last, end) });
  }
  const limit = Math.min(Date.parse(range.end), Date.parse(range.now));
  const clipped = pauses.map((pause) => ({
    window: pause.window_number,
    reason: pause.reason,
    start: Math.max(Date.parse(pause.started_at), Date.parse(range.start)),
    end: Math.min(pause.ended_at ? Date.parse(pause.ended_at) : limit, Date.parse(range.end)),
  }));
  for (const pause of clipped) {
    const time = of(pause.window);
    time.pausedSeconds[pause.reason] = (time.pausedSeconds[pause.reason] ?? 0) + Math.max(0, Math.round((pause.end - pause.start) / 1000));
  }
  for (const day of days.values()) {
    const paused = clipped
      .filter((pause) => pause.window === day.window)
      .reduce((sum, pause) => sum + overlap(day.first, day.last, pause.start, pause.end), 0);
    of(day.window).availableSeconds += Math.round((day.last - day.first - paused) / 1000);
  }
  return result;
}
