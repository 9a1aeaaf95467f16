import type { Call } from '../../main/contract/queue';

/** What identifies one call: a recall of the same ticket is a new call. */
const callKey = (call: Call) => `${call.ticketId}:${call.calledAt}`;

/**
 * The calls on a fresh board that have not been announced yet, oldest first.
 * `seen` is updated; the first board a screen loads only fills it, so a
 * display that restarts does not announce the morning's calls again.
 */
export function newCalls(seen: Set<string>, calls: readonly Call[], firstBoard: boolean): Call[] {
  const fresh = calls.filter((call) => !seen.has(callKey(call)));
  for (const call of fresh) seen.add(callKey(call));
  return firstBoard ? [] : [...fresh].reverse();
}

/**
 * Announcements one after another: each waits for the one before to end, so
 * none cuts another off, however fast the calls come.
 */
export class AnnouncementQueue {
  #tail: Promise<void> = Promise.resolve();

  constructor(private readonly announce: (call: Call) => Promise<void>) {}

  enqueue(call: Call): Promise<void> {
    this.#tail = this.#tail.then(() => this.announce(call).catch(() => undefined));
    return this.#tail;
  }
}
