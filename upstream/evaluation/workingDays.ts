/**
 * `days` working days after `from`, at the same time of day: Saturdays and
 * Sundays in the hall's zone do not count. (Public holidays and the swapped
 * working weekends of the Chinese calendar are not known to the hall yet.)
 */
export function addWorkingDays(from: Date, days: number, timeZone: string): Date {
  const weekday = (at: Date) => new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at);
  let at = from;
  for (let left = days; left > 0;) {
    at = new Date(at.getTime() + 86_400_000);
    if (weekday(at) !== 'Sat' && weekday(at) !== 'Sun') left -= 1;
  }
  return at;
}
