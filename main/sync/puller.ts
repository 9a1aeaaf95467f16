import type { Database, Queryable } from '../../lib/sqlite/database.js';
import type { PullResponse, SyncScope } from '../contract/syncProtocol.js';
import { SyncCursorRepository } from '../store/syncCursorRepository.js';
import type { HallClient } from './hallClient.js';

/**
 * How one scope's changes land in the local store; each capability's slice
 * supplies its own. `first`: the scope's first pull, which replaces whatever
 * the terminal had locally (e.g. seeded from files). `terminalId`: whose
 * items to take where a scope is keyed by terminal. A value that is not of
 * its schema fails the whole page.
 */
export type ScopeApplier = (tx: Queryable, items: PullResponse['items'], first: boolean, terminalId: string) => Promise<void>;

/**
 * Applies changes the live channel brought along, when they continue exactly
 * from this terminal's cursor (`previous`); returns false when they do not,
 * and the caller pulls instead. Applied like a pull page: with its cursor, in
 * one transaction, not waiting for the disk (the hall can always send it again).
 */
export async function applyDelivered(
  db: Database,
  terminalId: string,
  scope: SyncScope,
  apply: ScopeApplier,
  delivery: { previous: number; items: PullResponse['items'] },
): Promise<boolean> {
  return db.cacheTransaction(async (tx) => {
    const next = delivery.items.at(-1)?.seq ?? delivery.previous;
    if (!(await new SyncCursorRepository(tx).advance(scope, delivery.previous, next))) return false;
    if (delivery.items.length > 0) await apply(tx, delivery.items, false, terminalId);
    return true;
  });
}

/**
 * Brings a scope of hall-owned data up to date: page by page from the
 * scope's cursor, each page applied with its new cursor in one transaction,
 * so a crash or a bad page leaves the store at a whole page boundary.
 * Returns how many changes it applied.
 */
export async function pullScope(db: Database, client: HallClient, scope: SyncScope, apply: ScopeApplier): Promise<number> {
  let applied = 0;
  for (;;) {
    const cursor = await new SyncCursorRepository(db).get(scope);
    const page = await client.changes(scope, cursor);
    // A page can be empty but move the cursor: the hall leaves out what is not this terminal's (another's setup PIN).
    if (page.cursor !== cursor) {
      await db.cacheTransaction(async (tx) => {
        if (page.items.length > 0) await apply(tx, page.items, cursor === 0, client.terminalId);
        await new SyncCursorRepository(tx).set(scope, page.cursor);
      });
      applied += page.items.length;
    }
    if (!page.more) return applied;
  }
}
