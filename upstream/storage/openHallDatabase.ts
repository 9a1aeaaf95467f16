import path from 'node:path';
import { packageRoot } from '../../lib/packageRoot.js';
import { openDatabase, type Database } from '../../lib/sqlite/database.js';
import { migrate, readMigrations } from '../../lib/sqlite/migrate.js';

const migrationsDir = path.join(packageRoot, 'upstream', 'storage', 'migrations');

/** The hall server's SQLite database, migrated. (PostgreSQL arrives with the rest of the hall-server issue.) */
export async function openHallDatabase(file: string): Promise<Database> {
  const db = await openDatabase(file);
  try {
    await migrate(db, await readMigrations(migrationsDir));
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
