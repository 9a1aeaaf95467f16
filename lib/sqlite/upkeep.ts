import type { Queryable } from './database.js';

/** What a checkpoint did: `busy` when a reader kept it from finishing (the next one will). */
export interface CheckpointResult {
  busy: boolean;
  /** Frames the write-ahead log held, and how many of them reached the database file. */
  logFrames: number;
  checkpointed: number;
}

/**
 * Copies the write-ahead log into the database file and truncates it to
 * zero bytes. SQLite's own checkpoints (every 1000 pages) copy but never
 * shrink the log, so after a burst of writes it keeps its largest size.
 */
export async function checkpointWal(db: Queryable): Promise<CheckpointResult> {
  const row = await db.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
  return { busy: row?.busy === 1, logFrames: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 };
}

/** The database's pages, and how many of them are free (left by deleted rows; the file keeps them until a VACUUM). */
export async function pageUse(db: Queryable): Promise<{ pages: number; free: number }> {
  const pages = await db.get<{ page_count: number }>('PRAGMA page_count');
  const free = await db.get<{ freelist_count: number }>('PRAGMA freelist_count');
  return { pages: pages?.page_count ?? 0, free: free?.freelist_count ?? 0 };
}

/**
 * Rebuilds the database file without its free pages, then checkpoints: in
 * WAL mode VACUUM writes the new file through the log, and the file shrinks
 * only when the log is copied back. It holds the write lock throughout, so
 * it is for when nothing else needs the database.
 */
export async function vacuum(db: Queryable): Promise<void> {
  await db.exec('VACUUM');
  await checkpointWal(db);
}
