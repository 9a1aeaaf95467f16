// The sqlite3 promise API shared by the terminal store and the hall server.
import sqlite3 from 'sqlite3';
import { PreparedStatements } from './preparedStatements.js';

export type SqlParams = ReadonlyArray<unknown> | Readonly<Record<string, unknown>>;

export interface RunResult {
  changes: number;
  lastId: number;
}

/** The store's whole surface: a promise API over one sqlite3 connection. */
export interface Queryable {
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** Runs `work` in a transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

export interface Database extends Queryable {
  readonly path: string;
  /**
   * A transaction whose commit does not wait for the disk: for a copy that can be fetched again (a terminal's
   * copy of what the hall publishes). A crash keeps it whole; only a power cut can take back its last commits.
   */
  cacheTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  busyTimeoutMs?: number;
  readOnly?: boolean;
}

/**
 * Opens (creating if needed) a database file in WAL mode. One connection per
 * process; statements outside a transaction wait while one is open, so a
 * transaction never picks up another caller's writes.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const mode = options.readOnly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(db)));
  });
  const connection = new Connection(raw, path);
  // busy_timeout first: switching to WAL itself needs a lock another process may hold.
  await connection.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  if (!options.readOnly) {
    await connection.exec('PRAGMA journal_mode = WAL');
    // FULL: a committed ticket or outbox event must survive a power cut, not only a crash.
    await connection.exec(`PRAGMA synchronous = ${durableSynchronous}`);
  }
  await connection.exec('PRAGMA foreign_keys = ON');
  return connection;
}

const durableSynchronous = 'FULL';

class Connection implements Database {
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #statements: PreparedStatements;

  constructor(
    readonly raw: sqlite3.Database,
    readonly path: string,
  ) {
    this.#statements = new PreparedStatements(raw);
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return this.#serialized(() => this.#statements.run(sql, params));
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.#serialized(() => this.#statements.get<T>(sql, params));
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.#serialized(() => this.#statements.all<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#serialized(() => rawExec(this.raw, sql));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#serialized(() => runTransaction(this.raw, this.#statements, work, 0));
  }

  cacheTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    // One queued operation: no other caller's transaction runs between lowering and restoring the level.
    // Lowered in the same call as BEGIN, restored in the same as COMMIT: a live delivery costs no extra round trip.
    return this.#serialized(() =>
      runTransaction(this.raw, this.#statements, work, 0, {
        before: 'PRAGMA synchronous = NORMAL',
        after: `PRAGMA synchronous = ${durableSynchronous}`,
      }),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue.catch(() => undefined);
    await this.#statements.finalizeAll();
    await new Promise<void>((resolve, reject) => this.raw.close((error) => (error ? reject(error) : resolve())));
  }

  #serialized<T>(operation: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`database ${this.path} is closed`));
    const result = this.#queue.then(operation, operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** Inside a transaction: statements go straight to the connection; nesting uses savepoints. */
class TransactionScope implements Queryable {
  constructor(
    private readonly raw: sqlite3.Database,
    private readonly statements: PreparedStatements,
    private readonly depth: number,
  ) {}
  run(sql: string, params: SqlParams = []) {
    return this.statements.run(sql, params);
  }
  get<T>(sql: string, params: SqlParams = []) {
    return this.statements.get<T>(sql, params);
  }
  all<T>(sql: string, params: SqlParams = []) {
    return this.statements.all<T>(sql, params);
  }
  exec(sql: string) {
    return rawExec(this.raw, sql);
  }
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return runTransaction(this.raw, this.statements, work, this.depth + 1);
  }
}

/**
 * `around`: statements run just before BEGIN and just after COMMIT or ROLLBACK (a top-level transaction only),
 * sent with them in one call rather than as round trips of their own.
 */
async function runTransaction<T>(
  raw: sqlite3.Database,
  statements: PreparedStatements,
  work: (tx: Queryable) => Promise<T>,
  depth: number,
  around?: { before: string; after: string },
): Promise<T> {
  const savepoint = `sp_${depth}`;
  const [before, after] = around ? [`${around.before}; `, `; ${around.after}`] : ['', ''];
  // Where a statement fails, the rest of its call does not run: `after` is then sent on its own.
  const restore = () => (around ? rawExec(raw, around.after).catch(() => undefined) : undefined);
  // IMMEDIATE takes the write lock up front, so two processes wait on busy_timeout
  // instead of failing when a read lock cannot be upgraded.
  await rawExec(raw, depth === 0 ? `${before}BEGIN IMMEDIATE` : `SAVEPOINT ${savepoint}`).catch(async (error: unknown) => {
    await restore();
    throw error;
  });
  try {
    const result = await work(new TransactionScope(raw, statements, depth));
    await rawExec(raw, depth === 0 ? `COMMIT${after}` : `RELEASE ${savepoint}`);
    return result;
  } catch (error) {
    const undo = depth === 0 ? `ROLLBACK${after}` : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`;
    await rawExec(raw, undo).catch(restore);
    throw error;
  }
}

function rawExec(raw: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(sql, (error) => (error ? reject(error) : resolve())));
}
