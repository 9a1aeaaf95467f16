import type { Queryable } from '../../lib/sqlite/database.js';
import { zonedInstant } from '../../main/contract/businessDay.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { emptyRow, groupFigures, type FigureScope, type KeyedRow } from './groupFigures.js';
import type { Figures } from './figuresSchema.js';
import { isPostgres, offsetMinutes, sqlTime } from './sqlTime.js';
import { windowTime } from './windowTime.js';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const minutes = (seconds: number) => Math.round(seconds / 6) / 10;

/**
 * The hall's figures for business days `from`..`to` (inclusive), computed in
 * SQL on either store: per service, window, hour (the hall's local hour of
 * arrival) and day, with utilisation, pauses, appointments and kiosk use.
 */
export async function hallFigures(
  db: Queryable & { path?: string },
  queue: HallQueue,
  from: string,
  to: string,
  now: Date,
): Promise<Figures> {
  const hour = String(queue.resetHour).padStart(2, '0') + ':00';
  const range = { from, to, start: zonedInstant(from, hour, queue.timeZone), end: zonedInstant(nextDay(to), hour, queue.timeZone) };
  const time = sqlTime(isPostgres(db), offsetMinutes(queue.timeZone, from));
  const scope: FigureScope = {
    db,
    time,
    from,
    to,
    targets: Object.fromEntries(queue.services.map((service) => [service.code, service.targetWaitMinutes * 60])),
  };
  const [byService, byWindow, byHour, byDay, total] = [
    await groupFigures(scope, { ticketKey: 't.service', visitKey: 'v.service' }),
    await groupFigures(scope, { ticketKey: 't.served_window', visitKey: 'v.window_number' }),
    await groupFigures(scope, { ticketKey: time.localHour('t.issued_at'), visitKey: time.localHour('v.called_at') }),
    await groupFigures(scope, { ticketKey: 't.business_day', visitKey: 'v.business_day' }),
    await groupFigures(scope, { ticketKey: "'all'", visitKey: "'all'" }),
  ];
  const finished = await db.all<{ k: number; n: number }>(
    `SELECT ${time.localHour('t.finished_at')} AS k, COUNT(*) AS n FROM queue_ticket t
     WHERE t.business_day >= ? AND t.business_day <= ? AND t.status = 'finished' GROUP BY ${time.localHour('t.finished_at')}`,
    [from, to],
  );
  for (const row of finished)
    (byHour.get(String(row.k)) ?? byHour.set(String(row.k), emptyRow()).get(String(row.k))!).finished = Number(row.n);
  const times = await windowTime(db, { ...range, now: now.toISOString() });
  // The raw sums are for the district centre (centreLink/hourFigures.ts); the hall's figures show what they give.
  const withoutSums = ({ waitSeconds: _, scoreSum: __, ...rest }: KeyedRow) => rest;
  const strip = ({ finished: _, waitSeconds: __, scoreSum: ___, ...rest }: KeyedRow) => rest;

  return {
    from,
    to,
    total: strip(total.get('all') ?? emptyRow()),
    services: queue.services.map((service) => ({
      service: service.code,
      targetWaitMinutes: service.targetWaitMinutes,
      ...strip(byService.get(service.code) ?? emptyRow()),
    })),
    windows: queue.windows.map(({ window }) => {
      const spent = times.get(window) ?? { busySeconds: 0, availableSeconds: 0, pausedSeconds: {} };
      return {
        window,
        ...strip(byWindow.get(String(window)) ?? emptyRow()),
        busyMinutes: minutes(spent.busySeconds),
        availableMinutes: minutes(spent.availableSeconds),
        utilisation: spent.availableSeconds > 0 ? Math.min(100, percent(spent.busySeconds, spent.availableSeconds)!) : null,
        pausedMinutes: Object.fromEntries(
          Object.entries(spent.pausedSeconds).map(([reason, seconds]) => [reason, minutes(seconds)]),
        ) as Figures['windows'][number]['pausedMinutes'],
      };
    }),
    hours: [...byHour.entries()]
      .map(([key, row]) => ({ hour: Number(key), ...withoutSums(row) }))
      .filter((row) => Number.isInteger(row.hour))
      .sort((a, b) => a.hour - b.hour),
    days: [...byDay.entries()].map(([day, row]) => ({ day, ...strip(row) })).sort((a, b) => a.day.localeCompare(b.day)),
    appointments: await appointmentFigures(scope, queue),
    kiosk: await kioskUse(db, range),
  };
}

async function appointmentFigures(scope: FigureScope, queue: HallQueue): Promise<Figures['appointments']> {
  const { db, time, from, to } = scope;
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

/** What kiosks did in the range: tickets (by the service issued) and bookings per service, certificates per type, requests per kind. */
async function kioskUse(db: Queryable, range: { from: string; to: string; start: string; end: string }): Promise<Figures['kiosk']> {
  const kiosks = "SELECT id FROM terminal WHERE role = 'kiosk'";
  const queries: [Figures['kiosk'][number]['use'], string, unknown[]][] = [
    [
      'ticket',
      `SELECT issued_service AS k, COUNT(*) AS n FROM queue_ticket WHERE business_day >= ? AND business_day <= ? AND issued_by IN (${kiosks}) GROUP BY issued_service`,
      [range.from, range.to],
    ],
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
  const use: Figures['kiosk'] = [];
  for (const [kind, sql, params] of queries) {
    for (const row of (await db.all<{ k: string; n: number }>(sql, params)).sort((a, b) => a.k.localeCompare(b.k))) {
      use.push({ use: kind, service: row.k, count: Number(row.n) });
    }
  }
  return use;
}
