import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { allIn, insertRows } from '../../lib/sqlite/batchStatements.js';
import { formatIssuePath } from '../../main/contract/errors.js';
import { outboxEventSchema, type OutboxEvent, type PushResponse } from '../../main/contract/syncProtocol.js';

/**
 * What an event does at the hall beyond being recorded, run in the push's
 * transaction. Throwing EventRefusal rejects the event with that reason.
 */
export type EventEffect = (tx: Queryable, terminalId: string, payload: Record<string, unknown>) => Promise<void>;

export class EventRefusal extends Error {}

type Candidate = { seq: number; id: string } & ({ event: OutboxEvent } | { reason: string });

/**
 * Takes a terminal's pushed events: deduplicated by id, applied in sequence
 * order, one transaction per batch. A malformed event is refused with its
 * reason (its sequence number counts as used); a gap stops the batch and
 * asks the terminal to resend from the first missing number.
 */
export class EventIntake {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    private readonly effects: Readonly<Record<string, EventEffect>> = {},
  ) {}

  accept(terminalId: string, raw: readonly unknown[]): Promise<PushResponse> {
    const response: PushResponse = { acknowledged: [], rejected: [], resendFrom: null };
    const candidates: Candidate[] = [];
    for (const item of raw) {
      const parsed = outboxEventSchema.safeParse(item);
      if (parsed.success) {
        candidates.push({ seq: parsed.data.seq, id: parsed.data.id, event: parsed.data });
        continue;
      }
      const { id, seq } = (item ?? {}) as { id?: unknown; seq?: unknown };
      const reason = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('; ');
      if (typeof id !== 'string') continue;
      if (typeof seq === 'number' && Number.isInteger(seq) && seq > 0) candidates.push({ seq, id, reason });
      else response.rejected.push({ id, reason });
    }
    candidates.sort((a, b) => a.seq - b.seq);

    return this.db.transaction(async (tx) => {
      const position = await tx.get<{ last_seq: number; seq_offset: number }>(
        'SELECT last_seq, seq_offset FROM terminal_cursor WHERE terminal_id = ?',
        [terminalId],
      );
      let cursor = position?.last_seq ?? 0;
      const offset = Number(position?.seq_offset ?? 0);
      // One look-up for the whole batch, one insert per few hundred rows: no round trip per event.
      const known = new Map(
        (
          await allIn<{ id: string; terminal_id: string }>(
            tx,
            (list) => `SELECT id, terminal_id FROM terminal_event WHERE id IN (${list})`,
            candidates.map((candidate) => candidate.id),
          )
        ).map((row) => [row.id, row.terminal_id]),
      );
      const received = this.now().toISOString();
      const stored: unknown[][] = [];
      for (const candidate of candidates) {
        const owner = known.get(candidate.id);
        if (owner === terminalId) {
          response.acknowledged.push(candidate.id);
          continue;
        }
        if (owner !== undefined || candidate.seq <= cursor) {
          response.rejected.push({
            id: candidate.id,
            reason: owner !== undefined ? 'id already used by another terminal' : `sequence number ${candidate.seq} already used`,
          });
          continue;
        }
        if (candidate.seq > cursor + 1) {
          response.resendFrom = cursor + 1;
          break;
        }
        if ('reason' in candidate) {
          response.rejected.push({ id: candidate.id, reason: candidate.reason });
        } else {
          const { event } = candidate;
          const effect = this.effects[event.type];
          if (effect) {
            const refusal = await tx
              .transaction((inner) => effect(inner, terminalId, event.payload))
              .then(
                () => null,
                (error: unknown) => {
                  if (error instanceof EventRefusal) return error.message;
                  throw error;
                },
              );
            if (refusal !== null) {
              response.rejected.push({ id: candidate.id, reason: refusal });
              cursor = candidate.seq;
              continue;
            }
          }
          stored.push([event.id, terminalId, offset + event.seq, event.type, event.occurredAt, JSON.stringify(event.payload), received]);
          known.set(event.id, terminalId);
          response.acknowledged.push(event.id);
        }
        cursor = candidate.seq;
      }
      await insertRows(tx, 'terminal_event', ['id', 'terminal_id', 'seq', 'type', 'occurred_at', 'payload', 'received_at'], stored);
      await tx.run(
        'INSERT INTO terminal_cursor (terminal_id, last_seq) VALUES (?, ?) ON CONFLICT (terminal_id) DO UPDATE SET last_seq = excluded.last_seq',
        [terminalId, cursor],
      );
      return response;
    });
  }
}

/**
 * A replacement box of this terminal numbers its events from 1: the hall
 * takes them as new, stored after the old box's. Call in the replacement's
 * transaction, once the old box can no longer push.
 */
export async function startNewSequence(tx: Queryable, terminalId: string): Promise<void> {
  await tx.run('UPDATE terminal_cursor SET seq_offset = seq_offset + last_seq, last_seq = 0 WHERE terminal_id = ?', [terminalId]);
}
