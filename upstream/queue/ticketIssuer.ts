import type { Logger } from 'pino';
import type { Queryable } from '../../lib/sqlite/database.js';
import { estimatedWaitMinutes, peopleAhead, ticketLabel } from '../../main/contract/queueOrder.js';
import type { IssuedTicket, IssueTicketRequest, NumberBlock, OfflineTicketEvent, QueueTicket, Rating } from '../../main/contract/queue.js';
import type { QueueContext } from './queueContext.js';
import { QueueRefusal } from './queueRefusal.js';
import { forgetFigureDay } from '../statistics/figureStore.js';
import { insertTicket, issuerOf, publicTicket, servedTime, ticketById, ticketsOfDay, type StoredTicket } from './ticketRows.js';
import { isPostgres } from '../../lib/postgres/postgresDatabase.js';
import { sqlTime, type SqlTime } from '../statistics/sqlTime.js';

/**
 * Numbers and tickets. Each service has two daily ranges: numbers the hall
 * issues itself, and numbers it leases to kiosks in blocks for when they
 * cannot reach it. Taking a number is one UPDATE of the day's counter in the
 * issuing transaction, so no number is issued twice, on SQLite or PostgreSQL.
 */
export class TicketIssuer {
  readonly #time: SqlTime;

  constructor(
    private readonly queue: QueueContext,
    private readonly logger?: Logger,
    /** Told of each rating in its transaction (a 差评 opens a case). */
    private readonly onRated: (tx: Queryable, ticket: StoredTicket, rating: Rating) => Promise<void> = async () => undefined,
  ) {
    this.#time = sqlTime(isPostgres(queue.db), 0);
  }

  issue(terminalId: string, request: IssueTicketRequest): Promise<IssuedTicket> {
    return this.queue.change(async (tx) => {
      const known = await ticketById(tx, request.id);
      if (known) return this.#issued(tx, publicTicket(known));
      const day = this.queue.today();
      const [number] = await this.#take(tx, day, request.service, 'online', 1);
      const ticket: QueueTicket = {
        id: request.id,
        businessDay: day,
        label: ticketLabel(request.service, number!),
        service: request.service,
        status: 'waiting',
        priority: request.priority,
        appointmentAt: request.appointmentAt,
        issuedAt: this.queue.now().toISOString(),
        offline: false,
        targetWindow: null,
        window: null,
        calledAt: null,
        recalls: 0,
        finishedAt: null,
      };
      await insertTicket(tx, ticket, number!, terminalId);
      await this.queue.publishTicket(tx, ticket);
      return this.#issued(tx, ticket);
    });
  }

  /** Leases `size` numbers of today's offline range to a kiosk (fewer at the range's end). */
  leaseBlock(terminalId: string, service: string, size: number): Promise<NumberBlock> {
    return this.queue.change(async (tx) => {
      const day = this.queue.today();
      const [first, last] = await this.#take(tx, day, service, 'offline', size);
      await tx.run('INSERT INTO queue_block (terminal_id, business_day, service, first_number, last_number) VALUES (?, ?, ?, ?, ?)', [
        terminalId,
        day,
        service,
        first,
        last,
      ]);
      return { service, businessDay: day, first: first!, last: last! };
    });
  }

  /**
   * A ticket a kiosk issued offline, arriving in its outbox: accepted when
   * its number lies in a block leased to that kiosk for that day. Inside the
   * push's transaction; a QueueRefusal rejects the event with its reason.
   *
   * The printed label wins. A kiosk that gave up waiting for the hall prints
   * an offline number under the same ticket id, so the hall may already hold
   * that id under a number it issued online and nobody ever saw. Such a
   * ticket is relabelled to the printed number here, keeping its place
   * (arrival time, priority, appointment); the online number is left unused
   * (logged). If it was already skipped as a no-show under the unseen number,
   * it waits again, since its citizen was never called; a ticket called or
   * finished keeps its state, and the next recall, board or LED shows the
   * printed number.
   */
  async acceptOffline(tx: Queryable, terminalId: string, event: OfflineTicketEvent): Promise<void> {
    const label = ticketLabel(event.service, event.number);
    const known = await ticketById(tx, event.id);
    if (known && known.label === label) return;
    if (known && (await issuerOf(tx, event.id)) !== terminalId) {
      throw new QueueRefusal('not_leased', `ticket ${event.id} was issued to another terminal than ${terminalId}`);
    }
    const block = await tx.get<{ first_number: number }>(
      'SELECT first_number FROM queue_block WHERE terminal_id = ? AND business_day = ? AND service = ? AND first_number <= ? AND last_number >= ?',
      [terminalId, event.businessDay, event.service, event.number, event.number],
    );
    if (!block) throw new QueueRefusal('not_leased', `${label} on ${event.businessDay} is not in a block leased to ${terminalId}`);
    if (known) return this.#relabel(tx, known, event, label);
    const ticket: QueueTicket = {
      id: event.id,
      businessDay: event.businessDay,
      label,
      service: event.service,
      status: event.businessDay === this.queue.today() ? 'waiting' : 'no_show',
      priority: event.priority,
      appointmentAt: event.appointmentAt,
      issuedAt: event.issuedAt,
      offline: true,
      targetWindow: null,
      window: null,
      calledAt: null,
      recalls: 0,
      finishedAt: null,
    };
    await insertTicket(tx, ticket, event.number, terminalId);
    await this.queue.publishTicket(tx, ticket);
  }

  async #relabel(tx: Queryable, known: StoredTicket, event: OfflineTicketEvent, label: string): Promise<void> {
    const requeue = known.status === 'no_show' && known.businessDay === this.queue.today();
    const ticket: QueueTicket = {
      ...publicTicket(known),
      businessDay: event.businessDay,
      label,
      offline: true,
      ...(requeue ? { status: 'waiting' as const, window: null, calledAt: null, recalls: 0, finishedAt: null } : {}),
    };
    await tx.run(
      'UPDATE queue_ticket SET business_day = ?, number = ?, label = ?, offline = 1, status = ?, served_window = ?, called_at = ?, recalls = ?, finished_at = ? WHERE id = ?',
      [
        ticket.businessDay,
        event.number,
        label,
        ticket.status,
        ticket.window,
        ticket.calledAt,
        ticket.recalls,
        ticket.finishedAt,
        ticket.id,
      ],
    );
    // Its figures leave the day it was first counted for, if another.
    if (known.businessDay !== ticket.businessDay) await forgetFigureDay(tx, known.businessDay);
    await this.queue.publishTicket(tx, ticket);
    this.logger?.warn(
      { ticketId: ticket.id, printed: label, unused: known.label, status: known.status },
      `the kiosk printed ${label} offline for a ticket the hall had issued as ${known.label}: it is ${label} now and ${known.label} stays unused`,
    );
  }

  /** A citizen's rating of a finished ticket; the last rating counts. */
  async rate(tx: Queryable, rating: Rating): Promise<void> {
    const ticket = await ticketById(tx, rating.ticketId);
    if (!ticket) throw new QueueRefusal('unknown_ticket', `no ticket ${rating.ticketId}`, 404);
    if (ticket.status !== 'finished') throw new QueueRefusal('not_finished', `${ticket.label} has not been served yet`);
    await tx.run('UPDATE queue_ticket SET score = ?, score_reasons = ? WHERE id = ?', [
      rating.score,
      JSON.stringify(rating.reasons),
      rating.ticketId,
    ]);
    await forgetFigureDay(tx, ticket.businessDay);
    await this.onRated(tx, ticket, rating);
  }

  /** A ticket's standing now, for its public page. */
  standing(ticket: QueueTicket): Promise<IssuedTicket> {
    return this.#issued(this.queue.db, ticket);
  }

  /** Who is ahead and how long it may take, from today's waiting tickets, open windows and served times. */
  async #issued(tx: Queryable, ticket: QueueTicket): Promise<IssuedTicket> {
    const waiting = await ticketsOfDay(tx, ticket.businessDay, 'waiting');
    const ahead = peopleAhead(ticket, waiting, this.queue.now());
    const windows = await tx.all<{ window_number: number; paused_reason: string | null }>(
      'SELECT window_number, paused_reason FROM queue_window',
    );
    const open = windows.filter(
      (row) =>
        row.paused_reason === null &&
        this.queue.config.windows.some((w) => w.window === row.window_number && w.services.includes(ticket.service)),
    );
    const served = await servedTime(tx, this.#time, ticket.businessDay, ticket.service);
    const minutes = served.count >= 3 ? served.totalMs / served.count / 60_000 : this.queue.service(ticket.service).usualServiceMinutes;
    return { ticket, peopleAhead: ahead, estimatedWaitMinutes: estimatedWaitMinutes(ahead, minutes, open.length) };
  }

  /** Takes `count` numbers from the day's counter of one range; all of them or a refusal. */
  async #take(tx: Queryable, day: string, code: string, kind: 'online' | 'offline', count: number): Promise<[number, number]> {
    const service = this.queue.service(code);
    const range = kind === 'online' ? service.numbers : service.offlineNumbers;
    await tx.run(
      'INSERT INTO queue_number (business_day, service, kind, last_number) VALUES (?, ?, ?, ?) ON CONFLICT (business_day, service, kind) DO NOTHING',
      [day, code, kind, range.first - 1],
    );
    await tx.run('UPDATE queue_number SET last_number = last_number + ? WHERE business_day = ? AND service = ? AND kind = ?', [
      count,
      day,
      code,
      kind,
    ]);
    const { last_number: last } = (await tx.get<{ last_number: number }>(
      'SELECT last_number FROM queue_number WHERE business_day = ? AND service = ? AND kind = ?',
      [day, code, kind],
    ))!;
    const first = last - count + 1;
    if (first > range.last) {
      throw new QueueRefusal('numbers_exhausted', `today's ${kind} numbers of service ${code} are used up (${range.first}–${range.last})`);
    }
    return [first, Math.min(last, range.last)];
  }
}
