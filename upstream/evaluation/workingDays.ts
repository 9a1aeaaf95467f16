import type { WorkingCalendar } from '../../main/contract/hallQueue.js';

/**
 * `days` working days after `from`, at the same time of day, by the hall's
 * calendar in its zone: Saturdays, Sundays and its holidays do not count,
 * except the weekends it lists as make-up working days (调休上班).
 */
export function addWorkingDays(from: Date, days: number, timeZone: string, calendar: WorkingCalendar): Date {
  const holidays = new Set(calendar.holidays);
  const workingWeekends = new Set(calendar.workingWeekends);
  const localDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
  const isWorking = (at: Date) => {
    const day = localDay.format(at);
    if (workingWeekends.has(day)) return true;
    const name = weekday.format(at);
    return name !== 'Sat' && name !== 'Sun' && !holidays.has(day);
  };
  let at = from;
  for (let left = days; left > 0;) {
    at = new Date(at.getTime() + 86_400_000);
    if (isWorking(at)) left -= 1;
  }
  return at;
}
