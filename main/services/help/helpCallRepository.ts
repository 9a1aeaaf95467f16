import type { Queryable } from '../../../lib/sqlite/database.js';
import { helpCallSchema, type HelpCall } from '../../contract/help.js';

/** The terminal's copy of the hall's open help calls (scope `help`). */
export class HelpCallRepository {
  constructor(private readonly db: Queryable) {}

  async put(call: HelpCall): Promise<void> {
    await this.db.run(
      'INSERT INTO help_call (id, raised_at, value) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET raised_at = excluded.raised_at, value = excluded.value',
      [call.id, call.raisedAt, JSON.stringify(call)],
    );
  }

  async remove(id: string): Promise<void> {
    await this.db.run('DELETE FROM help_call WHERE id = ?', [id]);
  }

  async clear(): Promise<void> {
    await this.db.run('DELETE FROM help_call');
  }

  /** Oldest first: the citizen who has waited longest is the one to go to. */
  async all(): Promise<HelpCall[]> {
    const rows = await this.db.all<{ value: string }>('SELECT value FROM help_call ORDER BY raised_at, id');
    return rows.map((row) => helpCallSchema.parse(JSON.parse(row.value)));
  }
}
