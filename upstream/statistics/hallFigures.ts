import type { Queryable } from '../../lib/sqlite/database.js';
import { businessDay } from '../../main/contract/businessDay.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { dayParts, groupings, type Grouped } from './dayParts.js';
import { dayBefore, daySpans, rollUpClosedDays } from './figureRollup.js';
import { readRolled } from './figureStore.js';
import type { Figures } from './figuresSchema.js';
import { figureRow } from './groupFigures.js';
import { addParts, emptySums, groupCounts } from './rangeSums.js';
import { isPostgres, offsetMinutes, sqlTime } from './sqlTime.js';

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

/**
 * The hall's figures for business days `from`..`to` (inclusive), computed in
 * SQL on either store: per service, window, hour (the hall's local hour of
 * arrival) and day, with utilisation, pauses, appointments and kiosk use.
 * Closed days are rolled up once (figureRollup.ts) and added up; the open day
 * is read from the queue's tables each time. A group's median and p90 are exact
 * over one day, and within a minute over more (minuteHistogram.ts).
 */
export async function hallFigures(
  db: Queryable & { path?: string },
  queue: HallQueue,
  from: string,
  to: string,
  now: Date,
): Promise<Figures> {
  const today = businessDay(now, queue.resetHour, queue.timeZone);
  const closedTo = to < today ? to : dayBefore(today);
  const months = from <= closedTo ? await rollUpClosedDays(db, queue, from, closedTo, now) : [];
  // Minute counts are read when the range has more than one day, even if only one of them is closed.
  const sums = from <= closedTo ? await readRolled(db, from, closedTo, months, from !== to) : emptySums();
  if (from <= today && today <= to) {
    const alone = closedTo < from;
    const wanted = alone ? { exactFor: groupings, minutes: false } : { exactFor: ['all'] as const, minutes: true };
    addParts(sums, await dayParts(db, queue, daySpans(queue, today, today), now, wanted));
  }
  const range = { from, to, start: daySpans(queue, from, from)[0]!.start, end: daySpans(queue, to, to)[0]!.end };
  const row = (groupedBy: Grouped, key: string) => figureRow(groupCounts(sums, groupedBy, key));

  return {
    from,
    to,
    total: row('all', 'all'),
    services: queue.services.map((service) => ({
      service: service.code,
      targetWaitMinutes: service.targetWaitMinutes,
      ...row('service', service.code),
    })),
    windows: queue.windows.map(({ window }) => {
      const spent = sums.windows.get(window) ?? new Map<string, number>();
      const [busy, available] = [spent.get('busy') ?? 0, spent.get('available') ?? 0];
      return {
        window,
        ...row('window', String(window)),
        busyMinutes: minutes(busy),
        availableMinutes: minutes(available),
        utilisation: available > 0 ? Math.min(100, percent(busy, available)!) : null,
        pausedMinutes: Object.fromEntries(
          [...spent]
            .filter(([kind]) => kind.startsWith('paused:'))
            .map(([kind, seconds]) => [kind.slice('paused:'.length), minutes(seconds)]),
        ) as Figures['windows'][number]['pausedMinutes'],
      };
    }),
    hours: [...sums.groups.values()]
      .filter((group) => group.groupedBy === 'hour')
      .map((group) => ({ hour: Number(group.key), ...row('hour', group.key), finished: group.counts.finished }))
      .filter((hour) => Number.isInteger(hour.hour))
      .sort((a, b) => a.hour - b.hour),
    days: [...sums.days.entries()].map(([day, counts]) => ({ day, ...figureRow(counts) })).sort((a, b) => a.day.localeCompare(b.day)),
    appointments: await appointmentFigures(db, queue, from, to),
    kiosk: await kioskUse(db, range, sums.kiosk),
  };
}

async function appointmentFigures(
  db: Queryable & { path?: string },
  queue: HallQueue,
  from: string,
  to: string,
): Promise<Figures['appointments']> {
  const time = sqlTime(isPostgres(db), offsetMinutes(queue.timeZone, from));
  const booked = await db.all<{ service: string; booked: number; checked_in: number; no_shows: number; cancelled: number }>(
    `SELECT service, COUNT(*) AS booked, SUM(CASE WHEN status = 'checked_in' THEN 1 ELSE 0 END) AS checked_in,
       SUM(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END) AS no_shows, SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
     FROM appointment WHERE day >= ? AND day <= ? GROUP BY service`,
    [from, to],
  );
  const late = time.seconds('t.appointment_at', 't.issued_at');
  const arrived = await db.all<{ service: string; on_time: number; late: number; late_sum: number | null }>(
    `SELECT t.service, SUM(CASE WHEN ${late} <= 0 THEN 1 ELSE 0 END) AS on_time, SUM(CASE WHEN ${late} > 0 THEN 1 ELSE 0 END) AS late,
       SUM(CASE WHEN ${late} > 0 THEN ${late} ELSE 0 END) AS late_sum
     FROM queue_ticket t WHERE t.business_day >= ? AND t.business_day <= ? AND t.appointment_at IS NOT NULL GROUP BY t.service`,
    [from, to],
  );
  const codes = [...new Set([...booked.map((row) => row.service), ...arrived.map((row) => row.service)])].sort(
    (a, b) => queue.services.findIndex((s) => s.code === a) - queue.services.findIndex((s) => s.code === b),
  );
  return codes.map((service) => {
    const b = booked.find((row) => row.service === service);
    const a = arrived.find((row) => row.service === service);
    const [checkedIn, noShows, lateCount] = [Number(b?.checked_in ?? 0), Number(b?.no_shows ?? 0), Number(a?.late ?? 0)];
    return {
      service,
      booked: Number(b?.booked ?? 0),
      checkedIn,
      noShows,
      cancelled: Number(b?.cancelled ?? 0),
      noShowRate: percent(noShows, checkedIn + noShows),
      onTime: Number(a?.on_time ?? 0),
      late: lateCount,
      averageLateMinutes: lateCount === 0 ? null : minutes(Number(a!.late_sum) / lateCount),
    };
  });
}

/** What kiosks did in the range: tickets (by the service issued, from the days' parts) and bookings per service, certificates per type, requests per kind. */
async function kioskUse(
  db: Queryable,
  range: { from: string; to: string; start: string; end: string },
  tickets: Map<string, number>,
): Promise<Figures['kiosk']> {
  const kiosks = "SELECT id FROM terminal WHERE role = 'kiosk'";
  const use: Figures['kiosk'] = [...tickets]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, count]) => ({ use: 'ticket', service, count }));
  const queries: [Figures['kiosk'][number]['use'], string, unknown[]][] = [
    [
      'booking',
      `SELECT service AS k, COUNT(*) AS n FROM appointment WHERE booked_at >= ? AND booked_at < ? AND booked_by IN (${kiosks}) GROUP BY service`,
      [range.start, range.end],
    ],
    [
      'certificate',
      'SELECT type AS k, COUNT(*) AS n FROM certificate WHERE issued_at >= ? AND issued_at < ? GROUP BY type',
      [range.start, range.end],
    ],
    [
      'request',
      'SELECT kind AS k, COUNT(*) AS n FROM service_request WHERE received_at >= ? AND received_at < ? GROUP BY kind',
      [range.start, range.end],
    ],
  ];
  for (const [kind, sql, params] of queries) {
    for (const row of (await db.all<{ k: string; n: number }>(sql, params)).sort((a, b) => a.k.localeCompare(b.k))) {
      use.push({ use: kind, service: row.k, count: Number(row.n) });
    }
  }
  return use;
}
