import type { Queryable } from '../../../lib/sqlite/database.js';
import { queueKeyPrefix, queueKeys } from '../../contract/queueKeys.js';
import {
  queueRulesSchema,
  queueServiceSchema,
  queueTicketSchema,
  queueWindowSchema,
  type QueueRules,
  type QueueService,
  type QueueTicket,
  type QueueWindow,
} from '../../contract/queue.js';

/** The terminal's copy of the hall's queue. */
export class QueueCacheRepository {
  constructor(private readonly db: Queryable) {}

  async put(key: string, businessDay: string | null, value: unknown): Promise<void> {
    await this.putAll([{ key, businessDay, value }]);
  }

  /** Several items in one statement: a pulled page or a live delivery is one round trip to the store, not one per item. */
  async putAll(items: ReadonlyArray<{ key: string; businessDay: string | null; value: unknown }>): Promise<void> {
    if (items.length === 0) return;
    await this.db.run(
      `INSERT INTO queue_item (item_key, business_day, value) VALUES ${items.map(() => '(?, ?, ?)').join(', ')}
       ON CONFLICT (item_key) DO UPDATE SET business_day = excluded.business_day, value = excluded.value`,
      items.flatMap((item) => [item.key, item.businessDay, JSON.stringify(item.value)]),
    );
  }

  putTicket(ticket: QueueTicket): Promise<void> {
    return this.put(queueKeys.ticket(ticket.id), ticket.businessDay, ticket);
  }

  putWindow(window: QueueWindow): Promise<void> {
    return this.put(queueKeys.window(window.window), null, window);
  }

  async remove(key: string): Promise<void> {
    await this.db.run('DELETE FROM queue_item WHERE item_key = ?', [key]);
  }

  async clear(): Promise<void> {
    await this.db.run('DELETE FROM queue_item');
  }

  /** Tickets of days before `businessDay`: the hall keeps the history, the terminal need not. */
  async forgetBefore(businessDay: string): Promise<void> {
    await this.db.run('DELETE FROM queue_item WHERE business_day < ?', [businessDay]);
  }

  async rules(): Promise<QueueRules | null> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM queue_item WHERE item_key = ?', [queueKeys.rules]);
    return row ? queueRulesSchema.parse(JSON.parse(row.value)) : null;
  }

  async services(): Promise<QueueService[]> {
    return (await this.#values('item_key LIKE ?', [`${queueKeyPrefix.service}%`]))
      .map((value) => queueServiceSchema.parse(value))
      .sort((a, b) => a.position - b.position);
  }

  async windows(): Promise<QueueWindow[]> {
    return (await this.#values('item_key LIKE ?', [`${queueKeyPrefix.window}%`]))
      .map((value) => queueWindowSchema.parse(value))
      .sort((a, b) => a.window - b.window);
  }

  async tickets(businessDay: string): Promise<QueueTicket[]> {
    const rows = await this.db.all<{ value: string }>('SELECT value FROM queue_item WHERE business_day = ? AND item_key LIKE ?', [
      businessDay,
      `${queueKeyPrefix.ticket}%`,
    ]);
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }

  /**
   * The tickets of a day that a board or the kiosk's overview shows: those waiting, and the `lastCalls`
   * called most recently at a window (latest first, as hallBoard orders them). Picked in SQL through the
   * indexes of migration 0011, so a busy day's finished tickets are neither read nor parsed on every change.
   * The hall writes every instant as toISOString does, so their text sorts as their time.
   */
  async waitingAndLastCalled(businessDay: string, lastCalls: number): Promise<QueueTicket[]> {
    const tickets = `${queueKeyPrefix.ticket}%`;
    const rows = await this.db.all<{ value: string }>(
      `SELECT value FROM queue_item WHERE business_day = ? AND item_key LIKE ? AND json_extract(value, '$.status') = 'waiting'
       UNION
       SELECT value FROM (
         SELECT value FROM queue_item
         WHERE business_day = ? AND item_key LIKE ? AND json_extract(value, '$.calledAt') IS NOT NULL AND json_extract(value, '$.window') IS NOT NULL
         ORDER BY json_extract(value, '$.calledAt') DESC, item_key DESC LIMIT ?)`,
      [businessDay, tickets, businessDay, tickets, lastCalls],
    );
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }

  async ticketsById(ids: readonly string[]): Promise<QueueTicket[]> {
    const rows = await this.db.all<{ value: string }>(
      `SELECT value FROM queue_item WHERE item_key IN (${ids.map(() => '?').join(', ')})`,
      ids.map((id) => queueKeys.ticket(id)),
    );
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }

  async #values(where: string, params: unknown[]): Promise<unknown[]> {
    const rows = await this.db.all<{ value: string }>(`SELECT value FROM queue_item WHERE ${where}`, params);
    return rows.map((row) => JSON.parse(row.value) as unknown);
  }
}
