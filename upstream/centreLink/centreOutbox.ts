import { createHash } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import type { HourFigures } from '../centre/centreProtocol.js';

/** Days looked at again on each round once the history is in: late ratings and late finishes change the last few. */
export const recentDays = 7;

const keyOf = (row: HourFigures) => `${row.day}|${row.hour}|${row.service}`;
const digestOf = (row: HourFigures) => createHash('sha256').update(JSON.stringify(row)).digest('base64url');

/**
 * What the hall has yet to tell its centre: each hour whose figures changed
 * since it was last put here, with a sequence number that only grows. The
 * rows leave only when the centre says it holds them.
 */
export class CentreOutbox {
  constructor(private readonly db: Database) {}

  /**
   * Puts every hour of `rows` whose figures differ from what was last put in;
   * returns how many. Nothing, if the hall was linked again since `linkedAt`
   * (the figures were read for the old link).
   */
  async putChanged(rows: readonly HourFigures[], linkedAt: string, now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      // First, so that hall processes sharing a PostgreSQL take turns here: the link's row is the lock.
      const current = await tx.run('UPDATE centre_link SET last_seq = last_seq WHERE id = 1 AND linked_at = ?', [linkedAt]);
      if (current.changes !== 1) return 0;
      const sent = new Map(
        (
          await tx.all<{ day: string; hour: number; service: string; digest: string }>(
            'SELECT day, hour, service, digest FROM centre_hour_sent WHERE day >= ? AND day <= ?',
            [rows[0]?.day ?? '', rows.at(-1)?.day ?? ''],
          )
        ).map((row) => [`${row.day}|${row.hour}|${row.service}`, row.digest]),
      );
      const changed = rows.filter((row) => sent.get(keyOf(row)) !== digestOf(row));
      if (changed.length === 0) return 0;
      await tx.run('UPDATE centre_link SET last_seq = last_seq + ? WHERE id = 1', [changed.length]);
      const { last_seq: last } = (await tx.get<{ last_seq: number }>('SELECT last_seq FROM centre_link WHERE id = 1'))!;
      let seq = Number(last) - changed.length;
      for (const row of changed) {
        seq += 1;
        await tx.run('INSERT INTO centre_outbox (seq, figures, created_at) VALUES (?, ?, ?)', [
          seq,
          JSON.stringify(row),
          now.toISOString(),
        ]);
        await tx.run(
          `INSERT INTO centre_hour_sent (day, hour, service, digest) VALUES (?, ?, ?, ?)
           ON CONFLICT (day, hour, service) DO UPDATE SET digest = excluded.digest`,
          [row.day, row.hour, row.service, digestOf(row)],
        );
      }
      return changed.length;
    });
  }

  async oldest(limit: number): Promise<{ seq: number; figures: HourFigures }[]> {
    const rows = await this.db.all<{ seq: number; figures: string }>('SELECT seq, figures FROM centre_outbox ORDER BY seq LIMIT ?', [
      limit,
    ]);
    return rows.map((row) => ({ seq: Number(row.seq), figures: JSON.parse(row.figures) as HourFigures }));
  }

  async forgetThrough(seq: number): Promise<void> {
    await this.db.run('DELETE FROM centre_outbox WHERE seq <= ?', [seq]);
  }

  async backlog(): Promise<{ count: number; oldest: string | null }> {
    const row = await this.db.get<{ n: number; oldest: string | null }>(
      'SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM centre_outbox',
    );
    return { count: Number(row?.n ?? 0), oldest: row?.oldest ?? null };
  }
}
