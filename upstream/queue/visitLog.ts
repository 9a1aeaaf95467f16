import type { Queryable } from '../../lib/sqlite/database.js';
import type { QueueTicket } from '../../main/contract/queue.js';

/**
 * A ticket's stays at windows, for the figures: the ticket row keeps only its
 * last window and service, and a recall moves its calledAt. A stay starts when
 * a window calls the ticket and ends when it leaves (finished, skipped as a
 * no-show, transferred), so a transferred ticket has one stay per window.
 */
export async function startVisit(tx: Queryable, ticket: QueueTicket, window: number, calledAt: string): Promise<void> {
  await tx.run(
    'INSERT INTO queue_visit (ticket_id, business_day, window_number, service, called_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (ticket_id, called_at) DO NOTHING',
    [ticket.id, ticket.businessDay, window, ticket.service, calledAt],
  );
}

export async function endVisit(tx: Queryable, ticketId: string, outcome: string, at: string): Promise<void> {
  await tx.run('UPDATE queue_visit SET ended_at = ?, outcome = ? WHERE ticket_id = ? AND ended_at IS NULL', [at, outcome, ticketId]);
}

/** Opens a pause of `window` for `reason`, or (reason null) closes the open one. */
export async function recordPause(tx: Queryable, window: number, reason: string | null, at: string): Promise<void> {
  await tx.run('UPDATE window_pause SET ended_at = ? WHERE window_number = ? AND ended_at IS NULL', [at, window]);
  if (reason) await tx.run('INSERT INTO window_pause (window_number, reason, started_at) VALUES (?, ?, ?)', [window, reason, at]);
}
