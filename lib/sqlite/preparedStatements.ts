import type sqlite3 from 'sqlite3';
import type { RunResult, SqlParams } from './database.js';

/** Statements a connection keeps prepared: enough for every statement of the hall's and a terminal's hot paths. */
const capacity = 256;
// A kept statement holds its last bound values until its next use: a batch's hundreds of rows are not kept
// (a few hundred rows take one trip a statement anyway, where the time saved is per statement).
const keptParameters = 64;
const keptSqlLength = 4000;

// `run` of a statement that returns rows stops at its first row and leaves the statement (and its
// transaction) open until a reset; such statements are run unprepared, finalized at once.
const runsToCompletion = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b(?![\s\S]*\bRETURNING\b)/i;

/**
 * The statements of one sqlite3 connection, each prepared on its first use
 * and kept (least recently used dropped past `capacity`). sqlite3's
 * Database#run prepares, runs and finalizes: two trips to its thread pool
 * per statement; a kept statement takes one.
 *
 * Reads go through `all`, which steps to the end: a statement left at a row
 * would hold the connection's read snapshot open.
 */
export class PreparedStatements {
  readonly #statements = new Map<string, Promise<sqlite3.Statement>>();

  constructor(private readonly raw: sqlite3.Database) {}

  async run(sql: string, params: SqlParams): Promise<RunResult> {
    if (!keepable(sql, params) || !runsToCompletion.test(sql)) {
      return settled(await new Promise((resolve) => this.raw.run(sql, params, ranTo(resolve))));
    }
    const statement = await this.#prepared(sql);
    const result = await new Promise<RunResult | Error>((resolve) => statement.run(params, ranTo(resolve)));
    if (result instanceof Error) throw await this.#dropped(sql, statement, result);
    return result;
  }

  async all<T>(sql: string, params: SqlParams): Promise<T[]> {
    if (!keepable(sql, params)) {
      return settled(await new Promise((resolve) => this.raw.all(sql, params, (error: Error | null, rows: T[]) => resolve(error ?? rows))));
    }
    const statement = await this.#prepared(sql);
    const rows = await new Promise<T[] | Error>((resolve) =>
      statement.all(params, (error: Error | null, result: T[]) => resolve(error ?? result)),
    );
    if (rows instanceof Error) throw await this.#dropped(sql, statement, rows);
    return rows;
  }

  /** A read's first row: reads step to their end (see above), so none holds the connection's snapshot. */
  async get<T>(sql: string, params: SqlParams): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Finalizes every kept statement: a connection closes only once none is left. */
  async finalizeAll(): Promise<void> {
    const statements = [...this.#statements.values()];
    this.#statements.clear();
    await Promise.all(statements.map((statement) => statement.then(finalize, () => undefined)));
  }

  /**
   * A statement that failed is finalized before its caller hears of it: one stopped by SQLITE_BUSY is
   * still running (sqlite3 never resets after an error) and would hold the connection's write lock or
   * snapshot, and make every COMMIT fail, until its next use. Finalizing ends it as an unkept one ends.
   */
  async #dropped(sql: string, statement: sqlite3.Statement, error: Error): Promise<Error> {
    const kept = this.#statements.get(sql);
    if (kept && (await kept) === statement) this.#statements.delete(sql);
    await finalize(statement);
    return error;
  }

  #prepared(sql: string): Promise<sqlite3.Statement> {
    const kept = this.#statements.get(sql);
    if (kept) {
      // Most recently used last: the first in the map is the one to drop.
      this.#statements.delete(sql);
      this.#statements.set(sql, kept);
      return kept;
    }
    const prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
      const statement = this.raw.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(statement)));
    });
    this.#statements.set(sql, prepared);
    // A statement that does not prepare (a syntax error) is not kept: the next use reports the error again.
    prepared.catch(() => {
      if (this.#statements.get(sql) === prepared) this.#statements.delete(sql);
    });
    if (this.#statements.size > capacity) {
      const [oldest, statement] = this.#statements.entries().next().value!;
      this.#statements.delete(oldest);
      // Finalized after whatever it is still running: sqlite3 queues a statement's calls.
      void statement.then(finalize, () => undefined);
    }
    return prepared;
  }
}

function finalize(statement: sqlite3.Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}

function keepable(sql: string, params: SqlParams): boolean {
  const count = Array.isArray(params) ? params.length : Object.keys(params).length;
  return count <= keptParameters && sql.length <= keptSqlLength;
}

/** sqlite3's run callback, answering with the result or the error. */
function ranTo(resolve: (result: RunResult | Error) => void) {
  return function (this: sqlite3.RunResult, error: Error | null) {
    resolve(error ?? { changes: this.changes, lastId: this.lastID });
  };
}

function settled<T>(result: T | Error): T {
  if (result instanceof Error) throw result;
  return result;
}
