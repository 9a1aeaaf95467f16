import { businessDay, zonedInstant } from '../../contract/businessDay.js';

/** When the nightly restart may happen: the hall's reset hour in its time zone, and how long it may wait for a citizen. */
export interface RestartPlan {
  resetHour: number;
  timeZone: string;
  /** After the reset hour, how long a restart waits for a session to end before it gives the night up. */
  maxWaitMs: number;
  /** A host up for less than this at the reset hour (it just started) is fresh enough: it is not restarted that night. */
  minUptimeMs: number;
  /** While a session is open, how often to look again (the session's end is also a cue). */
  recheckMs: number;
}

/** The first reset hour strictly after `after`, in the hall's time zone. */
export function nextResetAt(after: Date, resetHour: number, timeZone: string): Date {
  const hour = `${String(resetHour).padStart(2, '0')}:00`;
  // The local date of `after` (its business day with a reset at midnight): that date's reset hour, else the next date's.
  const today = businessDay(after, 0, timeZone);
  const candidate = new Date(zonedInstant(today, hour, timeZone));
  if (candidate.getTime() > after.getTime()) return candidate;
  const [year, month, date] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return new Date(zonedInstant(tomorrow, hour, timeZone));
}

export type RestartStep =
  /** Restart now. */
  | { kind: 'restart' }
  /** Look again at `at`, with the reset instant now due (the same, or the next night's after a night given up). */
  | { kind: 'later'; at: Date; due: Date; gaveUp?: 'fresh' | 'window-passed' };

/**
 * What the nightly restart does at `now`: nothing before the reset hour;
 * after it, restart at once if no citizen is in a session, else look again
 * until the session ends, and give the night up (for the next one) once
 * `maxWaitMs` has passed: a citizen is never cut off for upkeep, and a host
 * that was asleep through the window is not restarted in the day.
 */
export function restartStep(now: Date, due: Date, startedAt: Date, busy: boolean, plan: RestartPlan): RestartStep {
  if (now.getTime() < due.getTime()) return { kind: 'later', at: due, due };
  const nextNight = () => nextResetAt(now, plan.resetHour, plan.timeZone);
  if (due.getTime() - startedAt.getTime() < plan.minUptimeMs) {
    const next = nextNight();
    return { kind: 'later', at: next, due: next, gaveUp: 'fresh' };
  }
  const deadline = due.getTime() + plan.maxWaitMs;
  if (now.getTime() >= deadline) {
    const next = nextNight();
    return { kind: 'later', at: next, due: next, gaveUp: 'window-passed' };
  }
  if (!busy) return { kind: 'restart' };
  return { kind: 'later', at: new Date(Math.min(now.getTime() + plan.recheckMs, deadline)), due };
}
