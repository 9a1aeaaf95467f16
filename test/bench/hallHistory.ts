import type { Database } from '../../lib/sqlite/database.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { seededRandom } from '../support/seededRandom.js';

export interface HistoryShape {
  /** Business days ending with `lastDay`. */
  days: number;
  lastDay: string;
  ticketsPerDay: number;
  windows: number;
}

const dayOf = (last: string, back: number) => new Date(Date.parse(`${last}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes a hall's history straight into its tables: `ticketsPerDay` tickets a
 * day from 08:30 to 17:30 (Shanghai), each with its stay at one of `windows`
 * windows (92 % finished, 5 % no-shows, 3 % transferred then finished), 40 %
 * rated. 2 years × 1,450 a day is about 1M tickets (and 1M stays).
 */
export async function writeHallHistory(db: Database, queue: HallQueue, shape: HistoryShape): Promise<number> {
  const next = seededRandom(20261129);
  const services = queue.services.map((service) => service.code);
  const batch = 400;
  let written = 0;
  for (let back = shape.days - 1; back >= 0; back -= 1) {
    const day = dayOf(shape.lastDay, back);
    const open = Date.parse(`${day}T00:30:00Z`); // 08:30 Shanghai
    const tickets: unknown[][] = [];
    const visits: unknown[][] = [];
    for (let index = 0; index < shape.ticketsPerDay; index += 1) {
      const service = services[Math.floor(next() * services.length)]!;
      const issued = open + Math.floor(next() * 9 * 3_600_000);
      const called = issued + Math.floor(-Math.log(1 - next()) * 12 * 60_000);
      const ended = called + Math.floor((3 + next() * 17) * 60_000);
      const roll = next();
      const window = 1 + Math.floor(next() * shape.windows);
      const status = roll < 0.05 ? 'no_show' : 'finished';
      const id = `${day.replace(/-/g, '')}${String(index).padStart(6, '0')}`;
      const score = status === 'finished' && next() < 0.4 ? 1 + Math.floor(next() * 5) : null;
      const iso = (at: number) => new Date(at).toISOString();
      tickets.push([
        id,
        day,
        service,
        index + 1,
        `${service}${index + 1}`,
        service,
        status,
        iso(issued),
        'K-01',
        window,
        iso(called),
        iso(called),
        iso(ended),
        score,
      ]);
      if (roll > 0.97) {
        const handover = called + Math.floor((ended - called) / 2);
        visits.push([id, day, 1 + ((window + 1) % shape.windows), service, iso(called), iso(handover), 'transferred']);
        visits.push([id, day, window, service, iso(handover + 60_000), iso(ended), 'finished']);
      } else {
        visits.push([id, day, window, service, iso(called), iso(ended), status]);
      }
    }
    await db.transaction(async (tx) => {
      for (let start = 0; start < tickets.length; start += batch) {
        const rows = tickets.slice(start, start + batch);
        await tx.run(
          `INSERT INTO queue_ticket (id, business_day, issued_service, number, label, service, status, issued_at, issued_by, offline, served_window, called_at, first_called_at, recalls, finished_at, score)
           VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?)').join(', ')}`,
          rows.flat(),
        );
      }
      for (let start = 0; start < visits.length; start += batch) {
        const rows = visits.slice(start, start + batch);
        await tx.run(
          `INSERT INTO queue_visit (ticket_id, business_day, window_number, service, called_at, ended_at, outcome) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          rows.flat(),
        );
      }
    });
    written += tickets.length;
  }
  return written;
}
