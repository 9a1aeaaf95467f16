import { reconnectDelayMs } from './backoff.js';

/**
 * When to restart something that exited: at once after a run that lasted,
 * with a growing delay while it keeps dying soon after each start (a crash
 * loop), so a broken terminal does not spin the CPU and flood the hall.
 */
export class RestartBudget {
  #quickExits = 0;
  #startedAt: number;

  constructor(
    private readonly stableMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.#startedAt = now();
  }

  started(): void {
    this.#startedAt = this.now();
  }

  /** Call on an exit: how long to wait before the restart, and how many quick exits in a row this makes. */
  exited(): { delayMs: number; crashLoop: number } {
    if (this.now() - this.#startedAt >= this.stableMs) this.#quickExits = 0;
    const crashLoop = this.#quickExits;
    this.#quickExits += 1;
    return { delayMs: crashLoop === 0 ? 0 : reconnectDelayMs(crashLoop - 1, Math.random, 1000, 60_000), crashLoop };
  }
}
