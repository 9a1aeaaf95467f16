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

  /**
   * Moves a pulled scope's cursor from `from` to `to` only if it stands at `from`: the check and the move in one
   * statement. False when it stands elsewhere or the scope was never pulled.
   */
  async advance(scope: SyncScope, from: number, to: number): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE sync_cursor SET cursor = ? WHERE scope = ? AND cursor = ? AND cursor <> 0', [
      to,
      scope,
      from,
    ]);
    return changes === 1;
  }
}
