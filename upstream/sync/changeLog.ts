import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { isPostgres } from '../../lib/postgres/postgresDatabase.js';
import { maxPullPage, type PullResponse, type SyncScope } from '../../main/contract/syncProtocol.js';

/** A change as recorded: its number across all scopes, its scope, its item and the item's new value (null: removed). */
export interface RecordedChange {
  seq: number;
  scope: SyncScope;
  key: string;
  value: unknown;
}

/** Rows per INSERT: five parameters each, well inside SQLite's and PostgreSQL's limits on parameters. */
const rowsPerInsert = 500;

/**
 * The hall's record of changes to the data terminals pull. Publishing a whole
 * set records only what differs from the last published state: changed
 * items, and removals (a null value) for items no longer in it.
 */
export class ChangeLog {
  /** On PostgreSQL each change also NOTIFYs this channel at commit: every hall process on the database announces it at once. */
  static readonly channel = 'onewindow_change';
  readonly #notifies: boolean;
  readonly #notified = new WeakSet<Queryable>();

  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#notifies = isPostgres(db);
  }

  /** Makes `items` the scope's whole content; returns how many changes that recorded. */
  publish(scope: SyncScope, items: ReadonlyMap<string, unknown>): Promise<number> {
    return this.db.transaction(async (tx) => {
      const latest = await tx.all<{ item_key: string; value: string | null }>(
        `SELECT c.item_key, c.value FROM hall_change c
         WHERE c.scope = ? AND c.seq = (SELECT MAX(seq) FROM hall_change WHERE scope = c.scope AND item_key = c.item_key)`,
        [scope],
      );
      const current = new Map(latest.filter((row) => row.value !== null).map((row) => [row.item_key, row.value!]));
      const changes: [string, string | null][] = [];
      for (const [key, value] of items) if (current.get(key) !== JSON.stringify(value)) changes.push([key, JSON.stringify(value)]);
      for (const key of current.keys()) if (!items.has(key)) changes.push([key, null]);
      await this.#record(tx, scope, changes);
      return changes.length;
    });
  }

  /** The keys a scope holds now (its items not removed). */
  async currentKeys(scope: SyncScope, within: Queryable = this.db): Promise<string[]> {
    const rows = await within.all<{ item_key: string }>(
      `SELECT c.item_key FROM hall_change c
       WHERE c.scope = ? AND c.value IS NOT NULL AND c.seq = (SELECT MAX(seq) FROM hall_change WHERE scope = c.scope AND item_key = c.item_key)`,
      [scope],
    );
    return rows.map((row) => row.item_key);
  }

  /** Sets one item of a scope (null removes it); returns whether that was a change. */
  set(scope: SyncScope, key: string, value: unknown): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const latest = await tx.get<{ value: string | null }>(
        'SELECT value FROM hall_change WHERE scope = ? AND item_key = ? ORDER BY seq DESC LIMIT 1',
        [scope, key],
      );
      const encoded = value === null ? null : JSON.stringify(value);
      if ((latest?.value ?? null) === encoded) return false;
      await this.#record(tx, scope, [[key, encoded]]);
      return true;
    });
  }

  /** Records an item's new value inside the caller's transaction, so the change and what it describes commit together. */
  async recordIn(tx: Queryable, scope: SyncScope, key: string, value: unknown): Promise<void> {
    await this.recordAllIn(tx, scope, [[key, value]]);
  }

  /**
   * Records several items' new values, in this order, inside the caller's transaction: one UPDATE, one INSERT
   * per 500. Returns them as recorded, for the live channel once the caller's transaction commits.
   */
  async recordAllIn(
    tx: Queryable,
    scope: SyncScope,
    items: ReadonlyArray<readonly [key: string, value: unknown]>,
  ): Promise<RecordedChange[]> {
    const encoded = items.map(([key, value]) => [key, value === null ? null : JSON.stringify(value)] as const);
    const first = await this.#record(tx, scope, encoded);
    // As stored, not the caller's objects: what terminals are sent is what they would pull.
    return encoded.map(([key, value], index) => ({ seq: first + index, scope, key, value: decoded(value) }));
  }

  /** Returns the number of the first change recorded. */
  async #record(tx: Queryable, scope: SyncScope, items: ReadonlyArray<readonly [key: string, value: string | null]>): Promise<number> {
    if (items.length === 0) return 0;
    const { value: last } = (await tx.get<{ value: number }>(
      "UPDATE hall_counter SET value = value + ? WHERE name = 'change_seq' RETURNING value",
      [items.length],
    ))!;
    const first = last - items.length + 1;
    const changedAt = this.now().toISOString();
    for (let start = 0; start < items.length; start += rowsPerInsert) {
      const chunk = items.slice(start, start + rowsPerInsert);
      await tx.run(
        `INSERT INTO hall_change (seq, scope, item_key, value, changed_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flatMap(([key, value], index) => [first + start + index, scope, key, value, changedAt]),
      );
    }
    // Sent when the transaction commits; once per transaction (scope) is enough, however many items it changes.
    if (this.#notifies && !this.#notified.has(tx)) {
      this.#notified.add(tx);
      await tx.run(`NOTIFY ${ChangeLog.channel}`);
    }
    return first;
  }

  async changesSince(scope: SyncScope, after: number, limit = maxPullPage): Promise<PullResponse> {
    const rows = await this.db.all<{ seq: number; item_key: string; value: string | null }>(
      'SELECT seq, item_key, value FROM hall_change WHERE scope = ? AND seq > ? ORDER BY seq LIMIT ?',
      [scope, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      scope,
      items: page.map((row) => ({ seq: row.seq, key: row.item_key, value: decoded(row.value) })),
      cursor: page.at(-1)?.seq ?? after,
      more: rows.length > limit,
    };
  }

  /** Every scope's changes after `after`, oldest first, at most `limit`: what the live channel announces and delivers. */
  async changesAfter(after: number, limit: number): Promise<RecordedChange[]> {
    const rows = await this.db.all<{ seq: number; scope: SyncScope; item_key: string; value: string | null }>(
      'SELECT seq, scope, item_key, value FROM hall_change WHERE seq > ? ORDER BY seq LIMIT ?',
      [after, limit],
    );
    return rows.map((row) => ({
      seq: row.seq,
      scope: row.scope,
      key: row.item_key,
      value: decoded(row.value),
    }));
  }

  /** The newest change number of each scope changed after `after` (all of them for -1). */
  async scopeHeadsAfter(after: number): Promise<Map<SyncScope, number>> {
    const rows = await this.db.all<{ scope: SyncScope; head: number }>(
      'SELECT scope, MAX(seq) AS head FROM hall_change WHERE seq > ? GROUP BY scope',
      [after],
    );
    return new Map(rows.map((row) => [row.scope, Number(row.head)]));
  }
}

/** A stored value as terminals receive it: null for a removal. */
function decoded(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}
