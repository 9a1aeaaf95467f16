/**
 * A keyboard-wedge scanner types a code as a burst of keystrokes ending with
 * Enter, far faster than a person. This tells such a burst from typing: every
 * key within `maxGapMs` of the one before, at least `minLength` characters.
 * Pure, so it is tested without a browser.
 */
export class WedgeScanDetector {
  #buffer = '';
  #lastAt = -Infinity;

  constructor(
    private readonly maxGapMs = 50,
    private readonly minLength = 6,
  ) {}

  /** Feeds one key (`KeyboardEvent.key`) at time `at` (ms); returns the scanned code when Enter ends a burst. */
  key(key: string, at: number): string | null {
    const inBurst = at - this.#lastAt <= this.maxGapMs;
    this.#lastAt = at;
    if (key === 'Enter') {
      const code = inBurst && this.#buffer.length >= this.minLength ? this.#buffer : null;
      this.#buffer = '';
      return code;
    }
    if (key.length !== 1) return null;
    this.#buffer = inBurst ? this.#buffer + key : key;
    return null;
  }
}
