import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.js';

const migrationFile = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNNN_name.sql` files in version order; a gap or duplicate number is a packaging error. */
export async function readMigrations(directory: string): Promise<Migration[]> {
  const names = (await readdir(directory)).filter((name) => migrationFile.test(name)).sort();
  const migrations: Migration[] = [];
  for (const [index, name] of names.entries()) {
    const version = Number(migrationFile.exec(name)?.[1]);
    if (version !== index + 1) {
      throw new Error(`migrations in ${directory} must be numbered 0001, 0002, … without gaps; found ${name}`);
    }
    migrations.push({ version, name, sql: await readFile(path.join(directory, name), 'utf8') });
  }
  return migrations;
}

/**
 * Applies the migrations the database has not seen, each in its own
 * transaction with its version row, so a crash leaves a consistent version.
 * Returns the versions applied.
 */
export async function migrate(db: Database, migrations: Migration[]): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction(async (tx) => {
      const seen = await tx.get('SELECT 1 FROM schema_migration WHERE version = ?', [migration.version]);
      if (seen) return false;
      await tx.exec(migration.sql);
      await tx.run('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (didApply) applied.push(migration.version);
  }
  const newest = await db.get<{ version: number }>('SELECT MAX(version) AS version FROM schema_migration');
  const known = migrations.at(-1)?.version ?? 0;
  if ((newest?.version ?? 0) > known) {
    throw new Error(`database ${db.path} is at schema version ${newest?.version}, newer than this program knows (${known})`);
  }
  return applied;
}
