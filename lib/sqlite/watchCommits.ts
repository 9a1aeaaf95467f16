import { watch } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onCommit` when any connection, of this process or another, writes to
 * the SQLite database `file`: each commit writes its write-ahead log, and
 * inotify says so at once, where a poll learns it only at its next turn. Null
 * where the folder cannot be watched: the caller's poll still finds the change.
 */
export function watchCommits(file: string, onCommit: () => void): { close(): Promise<void> } | null {
  const log = `${path.basename(file)}-wal`;
  try {
    const watcher = watch(path.dirname(path.resolve(file)), { persistent: false }, (_event, name) => {
      if (name === log) onCommit();
    });
    watcher.on('error', () => watcher.close());
    return { close: async () => watcher.close() };
  } catch {
    return null;
  }
}
