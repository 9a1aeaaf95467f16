import { expect } from 'vitest';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { IssueTicketRequest, QueueRefusalCode, QueueTicket, QueueWindow } from '../../main/contract/queue.js';
import { HallRequestError, type HallClient } from '../../main/sync/hallClient.js';
import type { LoopbackHall } from './hallOnLoopback.js';
import { QueueModel, seen, type Expected, type ModelTicket } from './queueModel.js';

/**
 * The hall side of the queue's model-based test (test/integration/hall/queueModel.test.ts):
 * the terminals that drive a hall on loopback, its answers as the model's `Expected`,
 * and the checks of the whole queue, as stored and as terminals pull it, against the model.
 */

export interface RealHall {
  hall: LoopbackHall;
  clock: { ms: number };
  kiosks: HallClient[];
  counters: Map<number, HallClient>;
  /** Pulls the queue scope as a display does. */
  display: HallClient;
  published: Map<string, unknown>;
  cursor: number;
  pulledAt: number;
  /** The first business day of the run: the hall's tickets from then on are the model's. */
  runDay: string;
  requests: Map<string, IssueTicketRequest>;
}

export async function outcome<T>(request: Promise<T>): Promise<Expected<T>> {
  try {
    return { ok: true, value: await request };
  } catch (error) {
    if (error instanceof HallRequestError && error.code !== null && error.status !== null) {
      return { ok: false, code: error.code as QueueRefusalCode, status: error.status };
    }
    throw error;
  }
}

async function pull(real: RealHall): Promise<void> {
  // Two pulls at one instant after the same cursor would be one signed request twice (refused as a replay).
  const now = real.clock.ms;
  real.clock.ms = real.pulledAt = Math.max(now, real.pulledAt + 1);
  try {
    for (;;) {
      const page = await real.display.changes('queue', real.cursor);
      for (const item of page.items) real.published.set(item.key, item.value);
      real.cursor = page.cursor;
      if (!page.more) return;
    }
  } finally {
    real.clock.ms = now;
  }
}

interface QueueState {
  windows: QueueWindow[];
  tickets: QueueTicket[];
}

/** What must hold whatever the model says: a called ticket is at its window and no other, a window's ticket is called, no number twice a day. */
function checkInvariants({ windows: views, tickets }: QueueState, seenBy: string): void {
  for (const ticket of tickets.filter((one) => one.status === 'called')) {
    const at = views.filter((view) => view.currentTicketId === ticket.id).map((view) => view.window);
    expect(at, `${seenBy}: ${ticket.label} (called) is at exactly its window`).toEqual([ticket.window]);
  }
  for (const view of views.filter((one) => one.currentTicketId !== null)) {
    const ticket = tickets.find((one) => one.id === view.currentTicketId);
    expect(ticket?.status, `${seenBy}: window ${view.window}'s ticket is called`).toBe('called');
  }
  const labels = tickets.map((ticket) => `${ticket.businessDay} ${ticket.label}`);
  expect(new Set(labels).size, `${seenBy}: no number issued twice in a day`).toBe(labels.length);
}

const windowsOf = (model: QueueModel) => model.config.windows.map(({ window }) => window);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

/** The queue as stored (this run's days), straight from the database: checked after every step. */
export async function verifyStored(model: QueueModel, real: RealHall): Promise<void> {
  const rows = await real.hall.db.all<Record<string, string | number | null>>(
    `SELECT id, business_day, label, service, status, priority, appointment_at, issued_at, offline, target_window, served_window,
            called_at, recalls, finished_at, first_called_at
     FROM queue_ticket WHERE business_day >= ?`,
    [real.runDay],
  );
  const number = (value: unknown) => (value === null ? null : Number(value));
  const tickets = rows.map((row) => ({
    id: row.id,
    businessDay: row.business_day,
    label: row.label,
    service: row.service,
    status: row.status,
    priority: row.priority,
    appointmentAt: row.appointment_at,
    issuedAt: row.issued_at,
    offline: Number(row.offline) === 1,
    targetWindow: number(row.target_window),
    window: number(row.served_window),
    calledAt: row.called_at,
    recalls: Number(row.recalls),
    finishedAt: row.finished_at,
    firstCalledAt: row.first_called_at,
  })) as ModelTicket[];
  const desks = await real.hall.db.all<{
    window_number: number;
    paused_reason: QueueWindow['pausedReason'];
    current_ticket_id: string | null;
  }>('SELECT window_number, paused_reason, current_ticket_id FROM queue_window ORDER BY window_number');
  const views = desks.map((desk) => ({
    ...model.windowView(Number(desk.window_number)),
    pausedReason: desk.paused_reason,
    currentTicketId: desk.current_ticket_id,
  }));
  checkInvariants({ windows: views, tickets }, 'stored');
  expect(views, 'the windows as stored').toEqual(windowsOf(model).map((window) => model.windowView(window)));
  expect(tickets.sort(byId), 'the tickets as stored').toEqual([...model.tickets].sort(byId));
}

/** The queue as a display pulls it through the API (this run's days): checked at the end of every run. */
export async function verifyPublished(model: QueueModel, real: RealHall): Promise<void> {
  await pull(real);
  const views = windowsOf(model).map((window) => real.published.get(`window:${window}`) as QueueWindow);
  const tickets = [...real.published.entries()]
    .filter(([key]) => key.startsWith('ticket:'))
    .map(([, value]) => value as QueueTicket)
    .filter((ticket) => ticket.businessDay >= real.runDay);
  checkInvariants({ windows: views, tickets }, 'published');
  expect(views, 'the windows as terminals see them').toEqual(windowsOf(model).map((window) => model.windowView(window)));
  expect(tickets.sort(byId), 'the tickets as terminals see them').toEqual(model.tickets.map(seen).sort(byId));
}

/** Before a run: every window free and open, then the next business day, so the run's tickets are all the model's. */
export async function freshRun(real: RealHall, queue: HallQueue): Promise<{ model: QueueModel; real: RealHall }> {
  const desks = await real.hall.db.all<{ window_number: number; paused_reason: string | null; current_ticket_id: string | null }>(
    'SELECT window_number, paused_reason, current_ticket_id FROM queue_window',
  );
  for (const desk of desks) {
    const window = Number(desk.window_number);
    real.clock.ms += 1;
    if (desk.current_ticket_id) await real.counters.get(window)!.counter(window, { action: 'finish' });
    real.clock.ms += 1;
    if (desk.paused_reason) await real.counters.get(window)!.counter(window, { action: 'resume' });
  }
  const model = new QueueModel(queue, real.clock.ms);
  model.advance(model.nextReset() - model.now + 5 * 3_600_000);
  real.clock.ms = model.now;
  real.runDay = model.dayAt();
  real.requests.clear();
  await verifyStored(model, real);
  return { model, real };
}
