/**
 * How long to wait before reconnect attempt `attempt` (0-based): doubling from
 * `baseMs` up to `maxMs`, with up to 20 % jitter so a hall's terminals do not
 * retry in step after a power cut.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 30_000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(exponential * (0.8 + 0.2 * random()));
}
