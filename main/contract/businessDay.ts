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

/** The instant of a local wall-clock time ("09:30" on "2026-11-25") in `timeZone`, as ISO (UTC). */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  // The zone's offset at that moment: format the guess in the zone and correct by the difference (twice, for DST edges).
  let guess = wanted;
  for (let round = 0; round < 2; round += 1) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(guess))
        .map((part) => [part.type, part.value]),
    );
    const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}
