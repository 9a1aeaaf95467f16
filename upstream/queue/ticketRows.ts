import type { Queryable } from '../../lib/sqlite/database.js';
import type { SqlTime } from '../statistics/sqlTime.js';
import { queueTicketSchema, type QueueTicket, type QueueWindow } from '../../main/contract/queue.js';

interface TicketRow {
  id: string;
  business_day: string;
  label: string;
  service: string;
  status: QueueTicket['status'];
  priority: QueueTicket['priority'];
  appointment_at: string | null;
  issued_at: string;
  offline: number;
  target_window: number | null;
  served_window: number | null;
  called_at: string | null;
  first_called_at: string | null;
  recalls: number;
  finished_at: string | null;
  score: number | null;
}

/** A ticket as the hall stores it: what terminals see, plus what statistics need. */
export interface StoredTicket extends QueueTicket {
  firstCalledAt: string | null;
  score: number | null;
}

const columns =
  'id, business_day, label, service, status, priority, appointment_at, issued_at, offline, target_window, served_window, called_at, first_called_at, recalls, finished_at, score';

function fromRow(row: TicketRow): StoredTicket {
  return {
    id: row.id,
    businessDay: row.business_day,
    label: row.label,
    service: row.service,
    status: row.status,
    priority: row.priority,
    appointmentAt: row.appointment_at,
    issuedAt: row.issued_at,
    offline: row.offline === 1,
    targetWindow: row.target_window,
    window: row.served_window,
    calledAt: row.called_at,
    recalls: row.recalls,
    finishedAt: row.finished_at,
    firstCalledAt: row.first_called_at,
    score: row.score,
  };
}

/** What terminals are told of a ticket (scope "queue"): no statistics, no rating. */
export function publicTicket(ticket: StoredTicket): QueueTicket {
  return queueTicketSchema.parse(ticket);
}

export async function ticketById(db: Queryable, id: string): Promise<StoredTicket | null> {
  const row = await db.get<TicketRow>(`SELECT ${columns} FROM queue_ticket WHERE id = ?`, [id]);
  return row ? fromRow(row) : null;
}

/** A window's pause and its current ticket, in one read (each act at a counter starts with both). */
export async function windowWithCurrent(
  db: Queryable,
  window: number,
): Promise<{ pausedReason: QueueWindow['pausedReason']; current: StoredTicket | null }> {
  const row = (await db.get<{ [K in keyof TicketRow]: TicketRow[K] | null } & { window_paused_reason: QueueWindow['pausedReason'] }>(
    `SELECT w.paused_reason AS window_paused_reason, ${columns.replace(/(\w+)/g, 't.$1')}
     FROM queue_window w LEFT JOIN queue_ticket t ON t.id = w.current_ticket_id WHERE w.window_number = ?`,
    [window],
  ))!;
  return { pausedReason: row.window_paused_reason, current: row.id === null ? null : fromRow(row as TicketRow) };
}

/**
 * Calls a ticket to a window if it still waits: the ticket as called, or null when another counter took it
 * first (the conditional UPDATE decides; RETURNING saves reading it back).
 */
export async function callWaitingTicket(db: Queryable, id: string, window: number, now: string): Promise<StoredTicket | null> {
  const row = await db.get<TicketRow>(
    `UPDATE queue_ticket SET status = 'called', served_window = ?, called_at = ?, first_called_at = COALESCE(first_called_at, ?), recalls = 0
     WHERE id = ? AND status = 'waiting' RETURNING ${columns}`,
    [window, now, now, id],
  );
  return row ? fromRow(row) : null;
}

/** The terminal that issued a ticket (or pushed it, when issued offline). */
export async function issuerOf(db: Queryable, id: string): Promise<string | null> {
  return (await db.get<{ issued_by: string }>('SELECT issued_by FROM queue_ticket WHERE id = ?', [id]))?.issued_by ?? null;
}

/**
 * How many of a service's tickets were served on a day, and their milliseconds from first call to finish in
 * all, in one aggregate: every ticket taken asks, and reading the day's served rows each time cost time and
 * memory that grew with the day.
 */
export async function servedTime(db: Queryable, time: SqlTime, businessDay: string, service: string) {
  const row = await db.get<{ served: number | string; ms: number | string | null }>(
    `SELECT COUNT(*) AS served, SUM(${time.milliseconds('first_called_at', 'finished_at')}) AS ms FROM queue_ticket
     WHERE business_day = ? AND status = 'finished' AND service = ? AND first_called_at IS NOT NULL AND finished_at IS NOT NULL`,
    [businessDay, service],
  );
  return { count: Number(row?.served ?? 0), totalMs: Number(row?.ms ?? 0) };
}

export async function ticketsOfDay(db: Queryable, businessDay: string, status?: QueueTicket['status']): Promise<StoredTicket[]> {
  const rows = status
    ? await db.all<TicketRow>(`SELECT ${columns} FROM queue_ticket WHERE business_day = ? AND status = ?`, [businessDay, status])
    : await db.all<TicketRow>(`SELECT ${columns} FROM queue_ticket WHERE business_day = ?`, [businessDay]);
  return rows.map(fromRow);
}

export async function insertTicket(db: Queryable, ticket: QueueTicket, number: number, issuedBy: string): Promise<void> {
  await db.run(
    `INSERT INTO queue_ticket (id, business_day, issued_service, number, label, service, status, priority, appointment_at, issued_at, issued_by, offline, recalls)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    [
      ticket.id,
      ticket.businessDay,
      ticket.service,
      number,
      ticket.label,
      ticket.service,
      ticket.status,
      ticket.priority,
      ticket.appointmentAt,
      ticket.issuedAt,
      issuedBy,
      ticket.offline ? 1 : 0,
    ],
  );
}
