import type { Logger } from 'pino';
import type { Database } from '../../lib/sqlite/database.js';
import { checkpointWal } from '../../lib/sqlite/upkeep.js';

/**
 * A SQLite hall's write-ahead log, checkpointed and truncated every
 * `everyMs`, so a busy morning's log does not keep its size all day.
 * (PostgreSQL needs nothing: its autovacuum and checkpoints are its own.)
 * Returns how to stop it.
 */
export function keepWalSmall(db: Database, logger: Logger, everyMs = 600_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= checkpointWal(db)
      .catch((error: unknown) => logger.warn({ err: error }, 'could not checkpoint the hall database; tried again later'))
      .finally(() => (running = null));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
