import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { hallCatalogueItemSchema } from '../contract/catalogue.js';
import type { PullResponse, SyncScope } from '../contract/syncProtocol.js';
import { hallConfigOverridesSchema } from '../contract/terminal.js';
import { setupPinHashSchema, setupPinKey } from '../contract/setupPin.js';
import { SetupAccessRepository } from '../store/setupAccessRepository.js';
import { CatalogueCategoryRepository } from '../store/catalogueCategoryRepository.js';
import { HallSettingRepository } from '../store/hallSettingRepository.js';
import { parseQueueItem, QueueCacheRepository } from '../store/queueCacheRepository.js';
import { SyncCursorRepository } from '../store/syncCursorRepository.js';
import type { HallClient } from './hallClient.js';

/**
 * `first`: the scope's first pull, which replaces whatever the terminal had
 * locally (e.g. seeded from files). `terminalId`: whose items to take where a
 * scope is keyed by terminal.
 */
type Applier = (tx: Queryable, items: PullResponse['items'], first: boolean, terminalId: string) => Promise<void>;

/** How each scope's changes land in the local store. A value that is not of its schema fails the whole page. */
const appliers: Record<SyncScope, Applier> = {
  catalogue: async (tx, items, first) => {
    const categories = new CatalogueCategoryRepository(tx);
    if (first) await categories.replaceAll([]);
    for (const item of items) {
      if (item.value === null) await categories.remove(item.key);
      else await categories.upsert(hallCatalogueItemSchema.parse(item.value));
    }
  },
  config: async (tx, items, _first, terminalId) => {
    const settings = new HallSettingRepository(tx);
    for (const item of items) {
      if (item.key === setupPinKey(terminalId)) {
        await new SetupAccessRepository(tx).putHallPin(item.value === null ? null : setupPinHashSchema.parse(item.value));
        continue;
      }
      if (item.key !== '*' && item.key !== terminalId) continue;
      await settings.put(item.key, item.value === null ? null : hallConfigOverridesSchema.parse(item.value));
    }
  },
  queue: async (tx, items, first) => {
    const cache = new QueueCacheRepository(tx);
    if (first) await cache.clear();
    for (const item of items) {
      const parsed = item.value === null ? null : parseQueueItem(item.key, item.value);
      if (item.value === null) await cache.remove(item.key);
      else if (parsed) await cache.put(item.key, parsed.day, parsed.value);
    }
  },
};

/**
 * Applies changes the live channel brought along, when they continue exactly
 * from this terminal's cursor (`previous`); returns false when they do not,
 * and the caller pulls instead. Applied like a pull page: with its cursor, in
 * one transaction.
 */
export async function applyDelivered(db: Database, terminalId: string, scope: SyncScope, delivery: { previous: number; items: PullResponse['items'] }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const cursors = new SyncCursorRepository(tx);
    const cursor = await cursors.get(scope);
    if (cursor !== delivery.previous || cursor === 0) return false;
    if (delivery.items.length === 0) return true;
    await appliers[scope](tx, delivery.items, false, terminalId);
    await cursors.set(scope, delivery.items.at(-1)!.seq);
    return true;
  });
}

/**
 * Brings a scope of hall-owned data up to date: page by page from the
 * scope's cursor, each page applied with its new cursor in one transaction,
 * so a crash or a bad page leaves the store at a whole page boundary.
 * Returns how many changes it applied.
 */
export async function pullScope(db: Database, client: HallClient, scope: SyncScope): Promise<number> {
  let applied = 0;
  for (;;) {
    const cursor = await new SyncCursorRepository(db).get(scope);
    const page = await client.changes(scope, cursor);
    if (page.items.length > 0) {
      await db.transaction(async (tx) => {
        await appliers[scope](tx, page.items, cursor === 0, client.terminalId);
        await new SyncCursorRepository(tx).set(scope, page.cursor);
      });
      applied += page.items.length;
    }
    if (!page.more) return applied;
  }
}
