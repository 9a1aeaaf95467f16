/**
 * The last lines this process logged, kept in memory, so a technician can
 * fetch them from the hall (remote care) without a shell on the terminal.
 * What reaches it was already redacted by the logger.
 */
export class RecentLines {
  readonly #lines: string[] = [];

  constructor(private readonly capacity = 2000) {}

  /** A log destination that writes to `destination` and keeps each line here too. */
  tee<D extends { write(chunk: string): unknown }>(destination: D): { write(chunk: string): void } {
    return {
      write: (chunk: string) => {
        destination.write(chunk);
        for (const line of chunk.split('\n')) if (line !== '') this.#push(line);
      },
    };
  }

  /** The newest `count` lines, oldest first. */
  last(count: number): string[] {
    return this.#lines.slice(-count);
  }

  #push(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.capacity) this.#lines.splice(0, this.#lines.length - this.capacity);
  }
}

/** This process's log lines (every logger createLogger makes writes here too). */
export const recentLogLines = new RecentLines();
