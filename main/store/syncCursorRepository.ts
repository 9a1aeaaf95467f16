import type { Queryable } from '../../lib/sqlite/database.js';
import type { SyncScope } from '../contract/syncProtocol.js';

/** How far each scope of hall-owned data has been pulled; 0 = never. */
export class SyncCursorRepository {
  constructor(private readonly db: Queryable) {}

  async get(scope: SyncScope): Promise<number> {
    return (await this.db.get<{ cursor: number }>('SELECT cursor FROM sync_cursor WHERE scope = ?', [scope]))?.cursor ?? 0;
  }

  async set(scope: SyncScope, cursor: number): Promise<void> {
    await this.db.run('INSERT INTO sync_cursor (scope, cursor) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET cursor = excluded.cursor', [
      scope,
      cursor,
    ]);
  }
}
