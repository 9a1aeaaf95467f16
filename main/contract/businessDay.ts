import { TZDate } from '@date-fns/tz';
import { addDays, format, subDays } from 'date-fns';

/**
 * The hall's business day of an instant: its local date in the hall's time
 * zone, except that before the reset hour it is still the day before (a
 * hall open past midnight keeps its numbers until the reset).
 */
export function businessDay(at: Date, resetHour: number, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return format(local.getHours() < resetHour ? subDays(local, 1) : local, 'yyyy-MM-dd');
}

/** The instant of a local wall-clock time ("09:30" on "2026-11-25") in `timeZone`, as ISO (UTC). */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, timeZone).getTime()).toISOString();
}

/** The hall's calendar date `days` after the instant `at` (a paper valid "30 days" ends on a date of the hall, not of UTC). */
export function hallDateAfter(at: Date, days: number, timeZone: string): string {
  return format(addDays(new TZDate(at.getTime(), timeZone), days), 'yyyy-MM-dd');
}
