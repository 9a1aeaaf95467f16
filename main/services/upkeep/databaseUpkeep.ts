import type { Logger } from '../../../lib/logger.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { checkpointWal, pageUse, vacuum } from '../../../lib/sqlite/upkeep.js';

export interface DatabaseUpkeepOptions {
  db: Database;
  logger: Logger;
  /** Nothing in the way of a VACUUM: no citizen in a session, no outbox backlog waiting to be pushed. */
  idle(): Promise<boolean>;
  now?: () => number;
  /** How often the write-ahead log is checkpointed and truncated (default 10 min). */
  everyMs?: number;
  /** At most one VACUUM in this long (default a day). */
  vacuumEveryMs?: number;
  /** A VACUUM only pays when at least this share of the file is free pages (default a tenth). */
  minFreeShare?: number;
}

export type UpkeepOutcome = 'checkpointed' | 'vacuumed';

/**
 * Keeps the terminal's database file small: checkpoints and truncates the
 * write-ahead log every `everyMs`, and, when the terminal is idle and a
 * tenth of the file is free pages, rebuilds it with VACUUM (at most once a
 * day). A VACUUM holds the database for its whole run, so it never starts
 * while a citizen is in a session or the outbox has events to push.
 */
export class DatabaseUpkeep {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | null = null;
  #lastVacuum = -Infinity;

  constructor(private readonly options: DatabaseUpkeepOptions) {}

  start(): void {
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.#running = this.tick()
        .catch((error: unknown) => this.options.logger.warn({ err: error }, 'database upkeep failed; it is tried again later'))
        .finally(() => (this.#running = null));
    }, this.options.everyMs ?? 600_000);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  /** One round: a VACUUM when it is due, worth it and the terminal idle; else a checkpoint. */
  async tick(): Promise<UpkeepOutcome> {
    const { db, logger } = this.options;
    const now = (this.options.now ?? Date.now)();
    if (now - this.#lastVacuum >= (this.options.vacuumEveryMs ?? 86_400_000)) {
      const { pages, free } = await pageUse(db);
      if (pages > 0 && free / pages >= (this.options.minFreeShare ?? 0.1) && (await this.options.idle())) {
        await vacuum(db);
        this.#lastVacuum = now;
        logger.info({ pages, freed: free }, 'database vacuumed while the terminal was idle');
        return 'vacuumed';
      }
    }
    const checkpoint = await checkpointWal(db);
    if (checkpoint.busy) logger.info('the database checkpoint waited on a reader; the next one finishes it');
    return 'checkpointed';
  }
}
