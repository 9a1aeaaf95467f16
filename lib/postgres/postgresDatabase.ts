import pg from 'pg';
import type { Database, Queryable, RunResult, SqlParams } from '../sqlite/database.js';

// COUNT(*) and other bigints come back as strings by default; the hall's numbers fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * PostgreSQL behind the same small API as the sqlite store, so the hall
 * server's repositories and migrations run on either. Statements use `?`
 * placeholders, turned into $1, $2, … here.
 */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle connection the server ends (PostgreSQL restarting, an administrator's terminate, a cut network) is
  // dropped by the pool, and the next query opens another. Unlistened, pg raises it as an uncaught exception
  // and the hall process would end with it; a query in flight still fails to its caller.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new Error(`cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`, { cause: error });
  }
  return new PostgresDatabase(pool, redact(url));
}

class PostgresDatabase implements Database {
  constructor(
    private readonly pool: pg.Pool,
    readonly path: string,
  ) {}

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return runOn(this.pool, sql, params);
  }
  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return rowsOn<T>(this.pool, sql, params).then((rows) => rows[0]);
  }
  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return rowsOn<T>(this.pool, sql, params);
  }
  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#transaction(work, false);
  }
  cacheTransaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#transaction(work, true);
  }
  async #transaction<T>(work: (tx: Queryable) => Promise<T>, cache: boolean): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      if (cache) await client.query('SET LOCAL synchronous_commit = off');
      const result = await work(new ClientScope(client, 0));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  close(): Promise<void> {
    return this.pool.end();
  }
  /** A connection of the pool for the caller alone (to LISTEN on): give it back with release(). */
  connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }
}

class ClientScope implements Queryable {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly depth: number,
  ) {}
  run(sql: string, params: SqlParams = []) {
    return runOn(this.client, sql, params);
  }
  get<T>(sql: string, params: SqlParams = []) {
    return rowsOn<T>(this.client, sql, params).then((rows) => rows[0]);
  }
  all<T>(sql: string, params: SqlParams = []) {
    return rowsOn<T>(this.client, sql, params);
  }
  async exec(sql: string) {
    await this.client.query(sql);
  }
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const savepoint = `sp_${this.depth + 1}`;
    await this.client.query(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work(new ClientScope(this.client, this.depth + 1));
      await this.client.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await this.client.query(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
      throw error;
    }
  }
}

type Runner = pg.Pool | pg.PoolClient;

async function runOn(runner: Runner, sql: string, params: SqlParams): Promise<RunResult> {
  const result = await runner.query(numberPlaceholders(sql), positional(params));
  return { changes: result.rowCount ?? 0, lastId: 0 };
}

async function rowsOn<T>(runner: Runner, sql: string, params: SqlParams): Promise<T[]> {
  const result = await runner.query(numberPlaceholders(sql), positional(params));
  return result.rows as T[];
}

function positional(params: SqlParams): unknown[] {
  if (!Array.isArray(params)) throw new Error('the PostgreSQL store takes positional (?) parameters only');
  return params as unknown[];
}

/** `?` → `$n`, leaving quoted text alone. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/'(?:[^']|'')*'|\?/g, (match) => (match === '?' ? `$${++index}` : match));
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Whether `db` is a PostgreSQL store (which has NOTIFY). */
export function isPostgres(db: Database): boolean {
  return db instanceof PostgresDatabase;
}

export interface Listening {
  close(): Promise<void>;
}

/**
 * Calls `onNotify` at each NOTIFY on `channel`, from any process on the same database; null for a store
 * without NOTIFY. Listens on a connection of its own (from the pool); when that drops, `onLost` is told
 * and listening starts again a second later, so the caller should still look for what it missed meanwhile.
 */
export function listenTo(db: Database, channel: string, onNotify: () => void, onLost: (error: Error) => void): Listening | null {
  if (!(db instanceof PostgresDatabase)) return null;
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let closed = false;
  let client: pg.PoolClient | null = null;
  let retry: NodeJS.Timeout | undefined;
  // Once each: a connection given back on close can still report the server ending it (its database dropped),
  // and pg throws on a second release.
  const released = new WeakSet<pg.PoolClient>();
  const release = (connection: pg.PoolClient, error?: Error) => {
    if (released.has(connection)) return;
    released.add(connection);
    connection.release(error);
  };
  const listen = async () => {
    try {
      const connected = await db.connect();
      connected.on('notification', (message) => message.channel === channel && onNotify());
      connected.on('error', (error) => {
        release(connected, error);
        if (client === connected) client = null;
        lost(error);
      });
      await connected.query(`LISTEN ${channel}`);
      if (closed) release(connected);
      else client = connected;
    } catch (error) {
      lost(error as Error);
    }
  };
  const lost = (error: Error) => {
    if (closed) return;
    onLost(error);
    retry = setTimeout(() => void listen(), 1000);
  };
  void listen();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      const held = client;
      client = null;
      if (held)
        await held.query(`UNLISTEN ${channel}`).then(
          () => release(held),
          (error: Error) => release(held, error),
        );
    },
  };
}
