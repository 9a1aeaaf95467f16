import type { Queryable } from '../../lib/sqlite/database.js';
import { zonedInstant } from '../../main/contract/businessDay.js';

/**
 * The time expressions the figures (and the queue's wait estimate) need, written for the store at hand:
 * timestamps are ISO text on both, SQLite reads them with julianday/strftime,
 * PostgreSQL casts them. Both round to whole units, so the backends agree.
 */
export interface SqlTime {
  /** Whole seconds from `from` to `to` (NULL if either is). */
  seconds(from: string, to: string): string;
  /** Whole milliseconds from `from` to `to` (NULL if either is): exact for timestamps of millisecond precision. */
  milliseconds(from: string, to: string): string;
  /** The hall's local hour (0–23) of an instant. */
  localHour(at: string): string;
}

export function isPostgres(db: Queryable & { path?: string }): boolean {
  return /^postgres(ql)?:/.test(db.path ?? '');
}

/** The hall's UTC offset in minutes. The figures assume a zone without DST (China's), as the reset hour does. */
export function offsetMinutes(timeZone: string, day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - Date.parse(zonedInstant(day, '00:00', timeZone))) / 60_000;
}

export function sqlTime(postgres: boolean, offset: number): SqlTime {
  const shift = Math.trunc(offset);
  if (postgres) {
    return {
      seconds: (from, to) => `CAST(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) AS INTEGER)`,
      milliseconds: (from, to) => `CAST(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) * 1000 AS BIGINT)`,
      localHour: (at) =>
        `CAST(EXTRACT(HOUR FROM (CAST(${at} AS timestamptz) AT TIME ZONE 'UTC') + INTERVAL '${shift} minutes') AS INTEGER)`,
    };
  }
  return {
    seconds: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400) AS INTEGER)`,
    // A julianday resolves about 50 µs: rounded, the product is the exact millisecond count.
    milliseconds: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
    localHour: (at) => `CAST(strftime('%H', ${at}, '${shift >= 0 ? '+' : ''}${shift} minutes') AS INTEGER)`,
  };
}
