import type { Queryable } from '../../../lib/sqlite/database.js';
import { hallConfigOverridesSchema, type HallConfigOverrides } from '../../contract/terminal.js';

/** The hall's setting overrides for this terminal: "*" (the whole hall) and its own id. */
export class HallSettingRepository {
  constructor(private readonly db: Queryable) {}

  async put(key: string, overrides: HallConfigOverrides | null): Promise<void> {
    if (overrides === null) await this.db.run('DELETE FROM hall_setting WHERE scope_key = ?', [key]);
    else {
      await this.db.run(
        'INSERT INTO hall_setting (scope_key, value) VALUES (?, ?) ON CONFLICT (scope_key) DO UPDATE SET value = excluded.value',
        [key, JSON.stringify(overrides)],
      );
    }
  }

  /** The hall-wide overrides with this terminal's own on top. */
  async effective(terminalId: string): Promise<HallConfigOverrides> {
    const rows = await this.db.all<{ scope_key: string; value: string }>(
      "SELECT scope_key, value FROM hall_setting WHERE scope_key IN ('*', ?)",
      [terminalId],
    );
    const byKey = new Map(rows.map((row) => [row.scope_key, hallConfigOverridesSchema.parse(JSON.parse(row.value))]));
    return { ...byKey.get('*'), ...byKey.get(terminalId) };
  }
}
