import { replayWindowMs } from '../../lib/requestSigning.js';

/** Remembers the signatures seen within the replay window, so a captured request cannot be sent twice. */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();

  /** True the first time a signature is offered within the window. */
  firstUse(signature: string, now: number): boolean {
    for (const [seen, at] of this.#seen) if (now - at > 2 * replayWindowMs) this.#seen.delete(seen);
    if (this.#seen.has(signature)) return false;
    this.#seen.set(signature, now);
    return true;
  }
}
