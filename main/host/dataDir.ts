import os from 'node:os';
import path from 'node:path';
import type { LoadedConfig } from '../../kiosk-config/loadTerminalConfig.js';

/**
 * Where a terminal keeps its database: the command line wins, then the
 * config (relative to its file), then ONEWINDOW_DATA_DIR, then the user's
 * data folder.
 */
export function resolveDataDir(loaded: LoadedConfig, fromCommandLine?: string): string {
  if (fromCommandLine) return path.resolve(fromCommandLine);
  if (loaded.config.dataDir) return path.resolve(path.dirname(loaded.file), loaded.config.dataDir);
  if (process.env.ONEWINDOW_DATA_DIR) return path.resolve(process.env.ONEWINDOW_DATA_DIR);
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'onewindow');
}
