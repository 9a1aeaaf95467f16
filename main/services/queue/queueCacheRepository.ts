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

  /** Windows and tickets as the hall answered them, keyed as the hall publishes them, in one statement. */
  putAnswered({ windows = [], tickets = [] }: { windows?: readonly QueueWindow[]; tickets?: readonly QueueTicket[] }): Promise<void> {
    return this.putAll([
      ...windows.map((window) => ({ key: queueKeys.window(window.window), businessDay: null, value: window })),
      ...tickets.map((ticket) => ({ key: queueKeys.ticket(ticket.id), businessDay: ticket.businessDay, value: ticket })),
    ]);
  }

  putTicket(ticket: QueueTicket): Promise<void> {
    return this.putAnswered({ tickets: [ticket] });
  }

  putWindow(window: QueueWindow): Promise<void> {
    return this.putAnswered({ windows: [window] });
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

  /** The rules, services and windows (every item of no business day), in one read: each snapshot starts with them. */
  async setup(): Promise<{ rules: QueueRules | null; services: QueueService[]; windows: QueueWindow[] }> {
    const rows = await this.db.all<{ item_key: string; value: string }>(
      'SELECT item_key, value FROM queue_item WHERE business_day IS NULL',
    );
    const setup = { rules: null as QueueRules | null, services: [] as QueueService[], windows: [] as QueueWindow[] };
    for (const row of rows) {
      const value: unknown = JSON.parse(row.value);
      if (row.item_key === queueKeys.rules) setup.rules = queueRulesSchema.parse(value);
      else if (row.item_key.startsWith(queueKeyPrefix.service)) setup.services.push(queueServiceSchema.parse(value));
      else if (row.item_key.startsWith(queueKeyPrefix.window)) setup.windows.push(queueWindowSchema.parse(value));
    }
    setup.services.sort((a, b) => a.position - b.position);
    setup.windows.sort((a, b) => a.window - b.window);
    return setup;
  }

  async tickets(businessDay: string): Promise<QueueTicket[]> {
    const rows = await this.db.all<{ value: string }>('SELECT value FROM queue_item WHERE business_day = ? AND item_key LIKE ?', [
      businessDay,
      `${queueKeyPrefix.ticket}%`,
    ]);
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }

  /**
   * The tickets of a day that a board, the kiosk's overview or a counter shows, in one read: those waiting,
   * the `lastCalls` called most recently at a window (latest first, as hallBoard orders them), and the
   * tickets `currentIds` (the windows' current ones, as the caller read the windows: a change applied
   * between its reads cannot leave a window's current ticket out). Picked in SQL through the indexes of
   * migration 0011, so a busy day's finished tickets are neither read nor parsed on every change. The hall
   * writes every instant as toISOString does, so their text sorts as their time.
   */
  async shownTickets(businessDay: string, lastCalls: number, currentIds: readonly string[]): Promise<QueueTicket[]> {
    const tickets = `${queueKeyPrefix.ticket}%`;
    const rows = await this.db.all<{ value: string }>(
      `SELECT value FROM queue_item WHERE business_day = ? AND item_key LIKE ? AND json_extract(value, '$.status') = 'waiting'
       UNION
       SELECT value FROM (
         SELECT value FROM queue_item
         WHERE business_day = ? AND item_key LIKE ? AND json_extract(value, '$.calledAt') IS NOT NULL AND json_extract(value, '$.window') IS NOT NULL
         ORDER BY json_extract(value, '$.calledAt') DESC, item_key DESC LIMIT ?)
       UNION
       SELECT value FROM queue_item WHERE business_day = ? AND item_key IN (${currentIds.map(() => '?').join(', ')})`,
      [businessDay, tickets, businessDay, tickets, lastCalls, businessDay, ...currentIds.map((id) => queueKeys.ticket(id))],
    );
    return rows.map((row) => queueTicketSchema.parse(JSON.parse(row.value)));
  }
}
