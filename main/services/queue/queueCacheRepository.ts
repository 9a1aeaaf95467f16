import type { Queryable } from '../../../lib/sqlite/database.js';
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

/** One pulled item of the "queue" scope, checked against the schema its key names; unknown kinds are skipped. */
export function parseQueueItem(key: string, value: unknown): { day: string | null; value: unknown } | null {
  if (key === 'rules') return { day: null, value: queueRulesSchema.parse(value) };
  if (key.startsWith('service:')) return { day: null, value: queueServiceSchema.parse(value) };
  if (key.startsWith('window:')) return { day: null, value: queueWindowSchema.parse(value) };
  if (key.startsWith('ticket:')) {
    const ticket = queueTicketSchema.parse(value);
    return { day: ticket.businessDay, value: ticket };
  }
  return null;
}

/** The terminal's copy of the hall's queue. */
export class QueueCacheRepository {
  constructor(private readonly db: Queryable) {}

  async put(key: string, businessDay: string | null, value: unknown): Promise<void> {
    await this.db.run(
      'INSERT INTO queue_item (item_key, business_day, value) VALUES (?, ?, ?) ON CONFLICT (item_key) DO UPDATE SET business_day = excluded.business_day, value = excluded.value',
      [key, businessDay, JSON.stringify(value)],
    );
  }

  putTicket(ticket: QueueTicket): Promise<void> {
    return this.put(`ticket:${ticket.id}`, ticket.businessDay, ticket);
  }

  putWindow(window: QueueWindow): Promise<void> {
    return this.put(`window:${window.window}`, null, window);
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
    const row = await this.db.get<{ value: string }>("SELECT value FROM queue_item WHERE item_key = 'rules'");
    return row ? queueRulesSchema.parse(JSON.parse(row.value)) : null;
  }

  async services(): Promise<QueueService[]> {
    return (await this.#values("item_key LIKE 'service:%'")).map((value) => queueServiceSchema.parse(value)).sort((a, b) => a.position - b.position);
  }

  async windows(): Promise<QueueWindow[]> {
    return (await this.#values("item_key LIKE 'window:%'")).map((value) => queueWindowSchema.parse(value)).sort((a, b) => a.window - b.window);
  }

  async tickets(businessDay: string): Promise<QueueTicket[]> {
    const rows = await this.db.all<{ value: string }>("SELECT value FROM queue_item WHERE business_day = ? AND item_key LIKE 'ticket:%'", [businessDay]);
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }

  async #values(where: string): Promise<unknown[]> {
    const rows = await this.db.all<{ value: string }>(`SELECT value FROM queue_item WHERE ${where}`);
    return rows.map((row) => JSON.parse(row.value) as unknown);
  }
}
