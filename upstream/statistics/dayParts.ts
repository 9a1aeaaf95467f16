import type { Queryable } from '../../lib/sqlite/database.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { emptyCounts, groupFigures, type FigureScope, type GroupCounts } from './groupFigures.js';
import { isPostgres, offsetMinutes, sqlTime } from './sqlTime.js';
import { windowDays, type DaySpan, type WindowDay } from './windowTime.js';

/** How a day's figures are grouped: by service, by window, by local hour of arrival, and the day as a whole. */
export const groupings = ['service', 'window', 'hour', 'all'] as const;
export type Grouped = (typeof groupings)[number];
export type Measure = 'wait' | 'service';

/** Everything the figures of a range need from each of its days, in rows that add up. */
export interface DayParts {
  groups: { day: string; groupedBy: Grouped; key: string; counts: GroupCounts }[];
  minutes: { day: string; groupedBy: Grouped; key: string; measure: Measure; minute: number; n: number }[];
  windows: WindowDay[];
  kiosk: { day: string; service: string; tickets: number }[];
  /** The groupings whose groups carry their exact percentiles. */
  exactFor: readonly Grouped[];
}

/**
 * Which of a day's percentile parts to read: the groupings whose exact percentiles it needs
 * (all for a range of that day alone, the day's own row in a longer one), and whether its
 * minute counts (for a range of more days). A roll reads everything.
 */
export interface PercentileParts {
  exactFor: readonly Grouped[];
  minutes: boolean;
}

/**
 * The parts of consecutive business days `days`, read from the queue's tables in
 * one pass per figure for all of them (each key is prefixed with its day).
 */
export async function dayParts(
  db: Queryable & { path?: string },
  queue: HallQueue,
  days: DaySpan[],
  now: Date,
  wanted: PercentileParts = { exactFor: groupings, minutes: true },
): Promise<DayParts> {
  const parts: DayParts = { groups: [], minutes: [], windows: [], kiosk: [], exactFor: wanted.exactFor };
  if (days.length === 0) return parts;
  const [from, to] = [days[0]!.day, days[days.length - 1]!.day];
  const time = sqlTime(isPostgres(db), offsetMinutes(queue.timeZone, from));
  const scope: FigureScope = {
    db,
    time,
    from,
    to,
    targets: Object.fromEntries(queue.services.map((service) => [service.code, service.targetWaitMinutes * 60])),
  };
  const keyOf = (day: string, key: string) => `${day} || '|' || COALESCE(CAST(${key} AS TEXT), '')`;
  const keys: Record<Grouped, { ticket: string; visit: string }> = {
    service: { ticket: 't.service', visit: 'v.service' },
    window: { ticket: 't.served_window', visit: 'v.window_number' },
    hour: { ticket: time.localHour('t.issued_at'), visit: time.localHour('v.called_at') },
    all: { ticket: "'all'", visit: "'all'" },
  };
  const split = (joined: string) => {
    const bar = joined.indexOf('|');
    return { day: joined.slice(0, bar), key: joined.slice(bar + 1) };
  };
  const inRange = [from, to];
  for (const groupedBy of groupings) {
    const { ticket, visit } = keys[groupedBy];
    const [ticketKey, visitKey] = [keyOf('t.business_day', ticket), keyOf('v.business_day', visit)];
    for (const [joined, counts] of await groupFigures(scope, { ticketKey, visitKey }, wanted.exactFor.includes(groupedBy))) {
      const { day, key } = split(joined);
      if (key !== '') parts.groups.push({ day, groupedBy, key, counts });
    }
    const minutes: [Measure, string][] = [
      [
        'wait',
        `SELECT ${ticketKey} AS k, ${time.seconds('t.issued_at', 't.first_called_at')} AS x FROM queue_ticket t WHERE t.business_day >= ? AND t.business_day <= ?`,
      ],
      [
        'service',
        `SELECT ${visitKey} AS k, ${time.seconds('v.called_at', 'v.ended_at')} AS x FROM queue_visit v
         WHERE v.business_day >= ? AND v.business_day <= ? AND v.outcome = 'finished'`,
      ],
    ];
    // The minute as minuteOf has it: floor, also below zero (integer division truncates toward zero on both stores).
    for (const [measure, values] of wanted.minutes ? minutes : []) {
      const rows = await db.all<{ k: string; minute: number; n: number }>(
        `SELECT k, CASE WHEN x < 0 THEN -((59 - x) / 60) ELSE x / 60 END AS minute, COUNT(*) AS n FROM (${values}) m WHERE x IS NOT NULL GROUP BY 1, 2`,
        inRange,
      );
      for (const row of rows) {
        const { day, key } = split(row.k);
        if (key !== '') parts.minutes.push({ day, groupedBy, key, measure, minute: Number(row.minute), n: Number(row.n) });
      }
    }
  }
  const finished = await db.all<{ day: string; hour: number; n: number }>(
    `SELECT t.business_day AS day, ${time.localHour('t.finished_at')} AS hour, COUNT(*) AS n FROM queue_ticket t
     WHERE t.business_day >= ? AND t.business_day <= ? AND t.status = 'finished' GROUP BY 1, 2`,
    inRange,
  );
  const hours = new Map(parts.groups.filter((part) => part.groupedBy === 'hour').map((part) => [`${part.day}|${part.key}`, part]));
  for (const row of finished) {
    const key = String(row.hour);
    const group = hours.get(`${row.day}|${key}`);
    if (group) group.counts.finished = Number(row.n);
    else parts.groups.push({ day: row.day, groupedBy: 'hour', key, counts: { ...emptyCounts(), finished: Number(row.n) } });
  }
  parts.windows = await windowDays(db, days, now);
  const kiosk = await db.all<{ day: string; service: string; n: number }>(
    `SELECT business_day AS day, issued_service AS service, COUNT(*) AS n FROM queue_ticket
     WHERE business_day >= ? AND business_day <= ? AND issued_by IN (SELECT id FROM terminal WHERE role = 'kiosk') GROUP BY 1, 2`,
    inRange,
  );
  parts.kiosk = kiosk.map((row) => ({ day: row.day, service: row.service, tickets: Number(row.n) }));
  return parts;
}
