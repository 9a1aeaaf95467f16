import type { Locale } from '../../contract/terminal.js';

export interface SpokenLine {
  text: string;
  locale: Locale;
}

/**
 * What the screens asked this host to say, newest last, bounded: the kiosk's
 * spoken guidance can be checked (by a technician's diagnostics or a test)
 * against what the screen showed. Spoken text is the screen's own public text
 * (titles, instructions, ticket numbers), never a citizen's name or records.
 */
export class SpokenLog {
  readonly #lines: SpokenLine[] = [];

  constructor(private readonly capacity = 100) {}

  record(line: SpokenLine): void {
    this.#lines.push(line);
    if (this.#lines.length > this.capacity) this.#lines.splice(0, this.#lines.length - this.capacity);
  }

  lines(): readonly SpokenLine[] {
    return [...this.#lines];
  }
}
