import type { Queryable } from '../../../lib/sqlite/database.js';
import type { NumberBlock } from '../../contract/queue.js';

/** Numbers leased from the hall, used up in order while the kiosk cannot reach it. */
export class NumberBlockRepository {
  constructor(private readonly db: Queryable) {}

  async add(block: NumberBlock): Promise<void> {
    await this.db.run(
      'INSERT INTO number_block (business_day, service, first_number, last_number, next_number) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [block.businessDay, block.service, block.first, block.last, block.first],
    );
  }

  /** The next unused number of the day's blocks for a service, taken (call in the issuing transaction); null when none is left. */
  async take(businessDay: string, service: string): Promise<number | null> {
    const block = await this.db.get<{ first_number: number; next_number: number }>(
      'SELECT first_number, next_number FROM number_block WHERE business_day = ? AND service = ? AND next_number <= last_number ORDER BY first_number LIMIT 1',
      [businessDay, service],
    );
    if (!block) return null;
    await this.db.run('UPDATE number_block SET next_number = next_number + 1 WHERE business_day = ? AND service = ? AND first_number = ?', [
      businessDay,
      service,
      block.first_number,
    ]);
    return block.next_number;
  }

  async remaining(businessDay: string, service: string): Promise<number> {
    const row = await this.db.get<{ left: number | null }>(
      'SELECT SUM(last_number - next_number + 1) AS "left" FROM number_block WHERE business_day = ? AND service = ? AND next_number <= last_number',
      [businessDay, service],
    );
    return row?.left ?? 0;
  }

  /** Blocks of past days are void: their numbers belong to a day that is over. */
  async forgetBefore(businessDay: string): Promise<void> {
    await this.db.run('DELETE FROM number_block WHERE business_day < ?', [businessDay]);
  }
}
