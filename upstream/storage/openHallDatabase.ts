import path from 'node:path';
import { packageRoot } from '../../lib/packageRoot.js';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { openPostgres } from '../../lib/postgres/postgresDatabase.js';

const migrationsDir = path.join(packageRoot, 'upstream', 'storage', 'migrations');

/** The hall server's database, migrated: SQLite in one file by default, PostgreSQL for a postgres:// URL. */
export async function openHallDatabase(fileOrUrl: string): Promise<Database> {
  const db = /^postgres(ql)?:\/\//.test(fileOrUrl) ? await openPostgres(fileOrUrl) : await openDatabase(fileOrUrl);
  try {
    await migrate(db, await readMigrations(migrationsDir));
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
