import type { Queryable } from './database.js';

// Under SQLite's limit of 32 766 parameters a statement (3.32 on; sqlite3 bundles 3.52) and PostgreSQL's 65 535:
// a push of 500 events is one statement, where the historic limit of 999 made it four.
const maxParameters = 30_000;

/** `?, ?, ?` for a list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** `items` in slices of at most `size`. */
export function slices<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let offset = 0; offset < items.length; offset += size) result.push(items.slice(offset, offset + size));
  return result;
}

/**
 * Inserts rows with as few statements as the parameter limit allows: one round trip per few hundred rows, not per row.
 * `onConflict` ends each statement (e.g. `ON CONFLICT (id) DO NOTHING`).
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  onConflict = '',
): Promise<void> {
  const row = `(${placeholders(columns.length)})`;
  for (const slice of slices(rows, Math.max(1, Math.floor(maxParameters / columns.length)))) {
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${slice.map(() => row).join(', ')} ${onConflict}`, slice.flat());
  }
}

/** Runs `sql` (with one `(?)` list marked `IN (…)`) once per slice of `values`, returning every row. */
export async function allIn<T>(tx: Queryable, sql: (list: string) => string, values: readonly unknown[]): Promise<T[]> {
  const rows: T[] = [];
  for (const slice of slices(values, maxParameters)) rows.push(...(await tx.all<T>(sql(placeholders(slice.length)), slice)));
  return rows;
}

/** Runs a write with one `IN (…)` list once per slice of `values`. */
export async function runIn(tx: Queryable, sql: (list: string) => string, values: readonly unknown[]): Promise<void> {
  for (const slice of slices(values, maxParameters)) await tx.run(sql(placeholders(slice.length)), slice);
}
