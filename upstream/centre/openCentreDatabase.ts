import path from 'node:path';
import { packageRoot } from '../../lib/packageRoot.js';
import type { Database } from '../../lib/sqlite/database.js';
import { openServerDatabase } from '../storage/openHallDatabase.js';

const migrationsDir = path.join(packageRoot, 'upstream', 'centre', 'migrations');

/** The centre's database, migrated: PostgreSQL for a postgres:// URL (as in a district), else one SQLite file (0600) for a trial. */
export function openCentreDatabase(fileOrUrl: string): Promise<Database> {
  return openServerDatabase(fileOrUrl, migrationsDir);
}
