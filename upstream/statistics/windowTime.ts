import type { Queryable } from '../../lib/sqlite/database.js';
import type { QueueWindow } from '../../main/contract/queue.js';

export type PauseReason = NonNullable<QueueWindow['pausedReason']>;

/** A business day and the instants it runs between (reset hour to reset hour). */
export interface DaySpan {
  day: string;
  start: string;
  end: string;
}

/** One window's time on one business day, in seconds. */
export interface WindowDay {
  day: string;
  window: number;
  busySeconds: number;
  availableSeconds: number;
  pausedSeconds: Partial<Record<PauseReason, number>>;
}

const overlap = (a: number, b: number, c: number, d: number) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/**
 * Each window's time on each of `days` (consecutive): busy (its stays, call to
 * leaving), paused (by reason, clipped to the day and to now), and available —
 * from its first call to its last ticket leaving that day, less the pauses in between.
 */
export async function windowDays(db: Queryable, days: DaySpan[], now: Date): Promise<WindowDay[]> {
  if (days.length === 0) return [];
  const [first, last] = [days[0]!, days[days.length - 1]!];
  const spans = await db.all<{ window_number: number; business_day: string; called_at: string; ended_at: string }>(
    'SELECT window_number, business_day, called_at, ended_at FROM queue_visit WHERE business_day >= ? AND business_day <= ? AND ended_at IS NOT NULL',
    [first.day, last.day],
  );
  const pauses = await db.all<{ window_number: number; reason: PauseReason; started_at: string; ended_at: string | null }>(
    'SELECT window_number, reason, started_at, ended_at FROM window_pause WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)',
    [last.end, first.start],
  );
  const result = new Map<string, WindowDay>();
  const of = (day: string, window: number) => {
    const key = `${day} ${window}`;
    if (!result.has(key)) result.set(key, { day, window, busySeconds: 0, availableSeconds: 0, pausedSeconds: {} });
    return result.get(key)!;
  };
  const worked = new Map<string, { day: string; window: number; first: number; last: number }>();
  for (const span of spans) {
    const [start, end] = [Date.parse(span.called_at), Date.parse(span.ended_at)];
    of(span.business_day, span.window_number).busySeconds += Math.round((end - start) / 1000);
    const key = `${span.business_day} ${span.window_number}`;
    const seen = worked.get(key) ?? { day: span.business_day, window: span.window_number, first: start, last: end };
    worked.set(key, { ...seen, first: Math.min(seen.first, start), last: Math.max(seen.last, end) });
  }
  // Each pause cut to the days it overlaps (and to now), kept per day and window for the availability below.
  const clipped = new Map<string, { start: number; end: number }[]>();
  for (const { day, start, end } of days) {
    const [dayStart, dayEnd] = [Date.parse(start), Math.min(Date.parse(end), now.getTime())];
    for (const pause of pauses) {
      const piece = {
        start: Math.max(Date.parse(pause.started_at), dayStart),
        end: Math.min(pause.ended_at ? Date.parse(pause.ended_at) : dayEnd, dayEnd),
      };
      if (piece.end <= piece.start) continue;
      const time = of(day, pause.window_number);
      time.pausedSeconds[pause.reason] = (time.pausedSeconds[pause.reason] ?? 0) + Math.round((piece.end - piece.start) / 1000);
      const key = `${day} ${pause.window_number}`;
      clipped.set(key, [...(clipped.get(key) ?? []), piece]);
    }
  }
  for (const [key, day] of worked) {
    const paused = (clipped.get(key) ?? []).reduce((sum, pause) => sum + overlap(day.first, day.last, pause.start, pause.end), 0);
    of(day.day, day.window).availableSeconds += Math.round((day.last - day.first - paused) / 1000);
  }
  return [...result.values()];
}
