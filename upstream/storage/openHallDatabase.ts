import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../../lib/packageRoot.js';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';
import { openPostgres } from '../../lib/postgres/postgresDatabase.js';

const migrationsDir = path.join(packageRoot, 'upstream', 'storage', 'migrations');

/** The hall server's database, migrated: SQLite in one file (0600) by default, PostgreSQL for a postgres:// URL. */
export function openHallDatabase(fileOrUrl: string): Promise<Database> {
  return openServerDatabase(fileOrUrl, migrationsDir);
}

/** A server's database (the hall's, the district centre's) with the migrations in `migrations` applied. */
export async function openServerDatabase(fileOrUrl: string, migrations: string): Promise<Database> {
  const postgres = /^postgres(ql)?:\/\//.test(fileOrUrl);
  if (!postgres) {
    // Readable by the hall's user only, before SQLite opens it: its -wal and -shm files take the same mode.
    await writeFile(fileOrUrl, '', { flag: 'a', mode: 0o600 });
    await chmod(fileOrUrl, 0o600);
  }
  const db = postgres ? await openPostgres(fileOrUrl) : await openDatabase(fileOrUrl);
  try {
    await migrate(db, await readMigrations(migrations));
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
