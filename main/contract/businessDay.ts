/**
 * The hall's business day of an instant: its local date in the hall's time
 * zone, except that before the reset hour it is still the day before (a
 * hall open past midnight keeps its numbers until the reset).
 */
export function businessDay(at: Date, resetHour: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  const day = Number(parts.hour) < resetHour ? local - 86_400_000 : local;
  return new Date(day).toISOString().slice(0, 10);
}
