import { ulid } from 'ulid';
import type { OutboxEventType, OutboxPayload } from '../contract/outboxEvents.js';
import type { OutboxEvent } from '../contract/syncProtocol.js';
import type { Queryable } from '../../lib/sqlite/database.js';
import { runIn } from '../../lib/sqlite/batchStatements.js';

interface OutboxRow {
  id: string;
  seq: number;
  type: string;
  occurred_at: string;
  payload: string;
}

/** The terminal's outbox. `append` joins the caller's transaction, so the change and its event commit together. */
export class OutboxRepository {
  constructor(private readonly db: Queryable) {}

  /** Call with a transaction's scope: numbers the event and stores it. */
  async append(type: string, payload: Record<string, unknown>, occurredAt: Date = new Date()): Promise<OutboxEvent> {
    await this.db.run("UPDATE sync_counter SET value = value + 1 WHERE name = 'outbox_seq'");
    const counter = await this.db.get<{ value: number }>("SELECT value FROM sync_counter WHERE name = 'outbox_seq'");
    const event: OutboxEvent = { id: ulid(), seq: counter!.value, type, occurredAt: occurredAt.toISOString(), payload };
    await this.db.run('INSERT INTO outbox_event (id, seq, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?)', [
      event.id,
      event.seq,
      event.type,
      event.occurredAt,
      JSON.stringify(event.payload),
    ]);
    return event;
  }

  async pending(limit: number, fromSeq = 0): Promise<OutboxEvent[]> {
    const rows = await this.db.all<OutboxRow>(
      'SELECT id, seq, type, occurred_at, payload FROM outbox_event WHERE seq >= ? ORDER BY seq LIMIT ?',
      [fromSeq, limit],
    );
    return rows.map((row) => ({ id: row.id, seq: row.seq, type: row.type, occurredAt: row.occurred_at, payload: JSON.parse(row.payload) }));
  }

  async backlog(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM outbox_event'))!.n;
  }

  /** How many events of each type wait for the hall. */
  async backlogByType(): Promise<Record<string, number>> {
    const rows = await this.db.all<{ type: string; n: number }>('SELECT type, COUNT(*) AS n FROM outbox_event GROUP BY type ORDER BY type');
    return Object.fromEntries(rows.map((row) => [row.type, row.n]));
  }

  /** When the oldest event still waiting for the hall happened; null when none waits. */
  async oldestAt(): Promise<string | null> {
    return (await this.db.get<{ at: string | null }>('SELECT MIN(occurred_at) AS at FROM outbox_event'))?.at ?? null;
  }

  /** Forgets acknowledged events and records refused ones; call in a transaction. */
  async settle(acknowledged: readonly string[], rejected: readonly { id: string; reason: string }[], at: Date = new Date()): Promise<void> {
    for (const { id, reason } of rejected) {
      await this.db.run(
        'INSERT OR IGNORE INTO outbox_rejected (id, seq, type, reason, rejected_at) SELECT id, seq, type, ?, ? FROM outbox_event WHERE id = ?',
        [reason, at.toISOString(), id],
      );
    }
    await runIn(this.db, (list) => `DELETE FROM outbox_event WHERE id IN (${list})`, [
      ...acknowledged,
      ...rejected.map((entry) => entry.id),
    ]);
  }
}

/** Appends one of the product's own events (main/contract/outboxEvents), its payload typed by its kind. */
export function appendEvent<T extends OutboxEventType>(
  tx: Queryable,
  type: T,
  payload: OutboxPayload<T>,
  occurredAt?: Date,
): Promise<OutboxEvent> {
  return new OutboxRepository(tx).append(type, payload as Record<string, unknown>, occurredAt);
}
