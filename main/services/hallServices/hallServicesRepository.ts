import type { Queryable } from '../../../lib/sqlite/database.js';
import type { HallServicesKey } from '../../contract/hallServices.js';

/** The hall's published offer as pulled: one JSON value per hall-config file. */
export class HallServicesRepository {
  constructor(private readonly db: Queryable) {}

  async put(key: HallServicesKey, value: unknown): Promise<void> {
    await this.db.run(
      'INSERT INTO hall_service_item (item_key, value) VALUES (?, ?) ON CONFLICT (item_key) DO UPDATE SET value = excluded.value',
      [key, JSON.stringify(value)],
    );
  }

  async remove(key: string): Promise<void> {
    await this.db.run('DELETE FROM hall_service_item WHERE item_key = ?', [key]);
  }

  async clear(): Promise<void> {
    await this.db.run('DELETE FROM hall_service_item');
  }

  async all(): Promise<Map<string, unknown>> {
    const rows = await this.db.all<{ item_key: string; value: string }>('SELECT item_key, value FROM hall_service_item');
    return new Map(rows.map((row) => [row.item_key, JSON.parse(row.value) as unknown]));
  }
}
