import type { HallQueue } from '../../main/contract/hallQueue.js';
import type {
  CounterAction,
  CounterResult,
  IssuedTicket,
  IssueTicketRequest,
  OfflineTicketEvent,
  QueueRefusalCode,
  QueueTicket,
  QueueWindow,
} from '../../main/contract/queue.js';

/**
 * A plain model of the hall's queue, written from the rules (README "The
 * queue", the doc of main/contract/queueOrder.ts) and not from the hall's
 * code, so that the model-based test (test/integration/hall/queueModel.test.ts)
 * can tell when the hall breaks one. No database, no transactions: a refused
 * action changes nothing, as the hall's rolled-back transaction should.
 *
 * Its business day is plain arithmetic, true for a time zone with a fixed
 * offset: the hall under test runs in Asia/Shanghai (UTC+8, no summer time).
 */

const hour = 3_600_000;
const day = 24 * hour;
const shanghaiOffsetHours = 8;

export interface ModelTicket extends QueueTicket {
  /** When it was first called (statistics and the wait estimate use it; terminals never see it). */
  firstCalledAt: string | null;
}

interface ModelState {
  now: number;
  /** This run's tickets, in the order they were issued. */
  tickets: ModelTicket[];
  windows: Record<number, { pausedReason: QueueWindow['pausedReason']; current: string | null }>;
  /** The last number taken, per "businessDay/service". */
  lastNumber: Record<string, number>;
}

export type Expected<T> = { ok: true; value: T } | { ok: false; code: QueueRefusalCode; status: number };

class Refused extends Error {
  constructor(
    readonly code: QueueRefusalCode,
    readonly status = 409,
  ) {
    super(code);
  }
}

/** A ticket as issued (online, or offline from a leased block and taken from the outbox): not yet called. */
function newTicket(
  request: Pick<IssueTicketRequest, 'id' | 'service' | 'priority' | 'appointmentAt'>,
  issued: { businessDay: string; number: number; issuedAt: string; offline: boolean; status: 'waiting' | 'no_show' },
): ModelTicket {
  return {
    id: request.id,
    businessDay: issued.businessDay,
    label: `${request.service}${String(issued.number).padStart(3, '0')}`,
    service: request.service,
    status: issued.status,
    priority: request.priority,
    appointmentAt: request.appointmentAt,
    issuedAt: issued.issuedAt,
    offline: issued.offline,
    targetWindow: null,
    window: null,
    calledAt: null,
    recalls: 0,
    finishedAt: null,
    firstCalledAt: null,
  };
}

/** What terminals see of a ticket. */
export function seen({ firstCalledAt: _, ...ticket }: ModelTicket): QueueTicket {
  return ticket;
}

export class QueueModel {
  private state: ModelState;

  constructor(
    readonly config: HallQueue,
    now: number,
  ) {
    if (config.timeZone !== 'Asia/Shanghai') throw new Error('the queue model knows the business day of Asia/Shanghai only');
    this.state = {
      now,
      tickets: [],
      windows: Object.fromEntries(config.windows.map(({ window }) => [window, { pausedReason: null, current: null }])),
      lastNumber: {},
    };
  }

  get now(): number {
    return this.state.now;
  }

  get tickets(): readonly ModelTicket[] {
    return this.state.tickets;
  }

  advance(ms: number): void {
    this.state.now += ms;
  }

  /** The business day at `at`: the local date, shifted back by the reset hour. */
  dayAt(at = this.state.now): string {
    return new Date(at + (shanghaiOffsetHours - this.config.resetHour) * hour).toISOString().slice(0, 10);
  }

  /** The next instant the business day turns over (the reset hour, local time), after now. */
  nextReset(): number {
    const shift = (shanghaiOffsetHours - this.config.resetHour) * hour;
    return (Math.floor((this.state.now + shift) / day) + 1) * day - shift;
  }

  /** A copy to try actions on; `adopt` takes the copy's state when it turned out to be what the hall did. */
  copy(): QueueModel {
    const copy = new QueueModel(this.config, this.state.now);
    copy.state = structuredClone(this.state);
    return copy;
  }

  adopt(other: QueueModel): void {
    this.state = other.state;
  }

  windowView(window: number): QueueWindow {
    const { pausedReason, current } = this.state.windows[window]!;
    return { window, services: this.#services(window), pausedReason, currentTicketId: current };
  }

  issue(request: IssueTicketRequest): Expected<IssuedTicket> {
    return this.#attempt(() => {
      const known = this.#ticket(request.id);
      if (known) return this.#standing(known);
      const service = this.config.services.find((candidate) => candidate.code === request.service);
      if (!service) throw new Refused('unknown_service', 400);
      const businessDay = this.dayAt();
      const key = `${businessDay}/${service.code}`;
      const number = (this.state.lastNumber[key] ?? service.numbers.first - 1) + 1;
      if (number > service.numbers.last) throw new Refused('numbers_exhausted');
      this.state.lastNumber[key] = number;
      const ticket = newTicket(request, { businessDay, number, issuedAt: this.#iso(), offline: false, status: 'waiting' });
      this.state.tickets.push(ticket);
      return this.#standing(ticket);
    });
  }

  /** A ticket a kiosk issued from its leased block while the hall was away, as the hall takes it from the outbox. */
  acceptOffline(event: OfflineTicketEvent): void {
    const status = event.businessDay === this.dayAt() ? 'waiting' : 'no_show';
    this.state.tickets.push(newTicket(event, { ...event, offline: true, status }));
  }

  act(window: number, act: CounterAction): Expected<CounterResult> {
    return this.#attempt(() => {
      const desk = this.state.windows[window];
      if (!desk) throw new Refused('unknown_window', 404);
      const now = this.#iso();
      let current = desk.current === null ? null : this.#ticket(desk.current)!;
      let left: ModelTicket | null = null;
      const need = () => {
        if (!current) throw new Refused('no_current_ticket');
        return current;
      };
      switch (act.action) {
        case 'call-next':
          if (desk.pausedReason) throw new Refused('window_paused');
          if (current) left = Object.assign(current, { status: 'finished', finishedAt: now } as const);
          current = this.nextFor(window) ?? null;
          if (current) {
            Object.assign(current, { status: 'called', window, calledAt: now, recalls: 0 } as const);
            current.firstCalledAt ??= now;
          }
          break;
        case 'recall':
          Object.assign(need(), { calledAt: now, recalls: need().recalls + 1 });
          break;
        case 'skip':
          if (need().recalls < this.config.recallsBeforeSkip) throw new Refused('recall_first');
          left = Object.assign(need(), { status: 'no_show', finishedAt: now } as const);
          current = null;
          break;
        case 'finish':
          left = Object.assign(need(), { status: 'finished', finishedAt: now } as const);
          current = null;
          break;
        case 'transfer': {
          const ticket = need();
          const back = { status: 'waiting', window: null, priority: 'transfer', recalls: 0 } as const;
          if ('service' in act.to) {
            if (!this.config.services.some((service) => service.code === (act.to as { service: string }).service)) {
              throw new Refused('unknown_service', 400);
            }
            left = Object.assign(ticket, back, { service: act.to.service, targetWindow: null });
          } else {
            if (!this.state.windows[act.to.window]) throw new Refused('unknown_window', 404);
            if (act.to.window === window) throw new Refused('same_window', 400);
            left = Object.assign(ticket, back, { targetWindow: act.to.window });
          }
          current = null;
          break;
        }
        case 'pause':
          if (current) throw new Refused('finish_first');
          desk.pausedReason = act.reason;
          break;
        case 'resume':
          desk.pausedReason = null;
          break;
      }
      desk.current = current?.id ?? null;
      return { window: this.windowView(window), current: current && seen(current), left: left && seen(left) };
    });
  }

  /**
   * The ticket `window` calls next, by the rules: of today's waiting tickets it
   * serves (its services, or sent to it by a transfer), appointment holders
   * whose time has come, by that time; then priority tickets and early
   * appointment holders; then everyone else; within a group by arrival, the
   * label breaking a tie.
   */
  nextFor(window: number): ModelTicket | undefined {
    return this.waitingFor(window)[0];
  }

  /** Today's waiting tickets `window` may call, in the order it would call them. */
  waitingFor(window: number): ModelTicket[] {
    const today = this.dayAt();
    const services = this.#services(window);
    return this.state.tickets
      .filter(
        (ticket) =>
          ticket.status === 'waiting' &&
          ticket.businessDay === today &&
          (ticket.targetWindow === null ? services.includes(ticket.service) : ticket.targetWindow === window),
      )
      .sort((a, b) => (this.#before(a, b) ? -1 : this.#before(b, a) ? 1 : 0));
  }

  #before(a: ModelTicket, b: ModelTicket): boolean {
    const [x, y] = [this.#place(a), this.#place(b)];
    for (let index = 0; index < x.length; index += 1) if (x[index] !== y[index]) return x[index]! < y[index]!;
    return false;
  }

  #place(ticket: ModelTicket): (number | string)[] {
    const appointment = ticket.appointmentAt === null ? null : Date.parse(ticket.appointmentAt);
    if (appointment !== null && appointment <= this.state.now) return [0, appointment, Date.parse(ticket.issuedAt), ticket.label];
    const group = ticket.priority !== null || appointment !== null ? 1 : 2;
    return [group, 0, Date.parse(ticket.issuedAt), ticket.label];
  }

  /** What the kiosk is told: people of its service ahead of it that day, and the wait they make at the open windows. */
  #standing(ticket: ModelTicket): IssuedTicket {
    const ofDay = this.state.tickets.filter((other) => other.businessDay === ticket.businessDay && other.service === ticket.service);
    const ahead = ofDay.filter((other) => other.id !== ticket.id && other.status === 'waiting' && this.#before(other, ticket)).length;
    const open = this.config.windows.filter(
      ({ window, services }) => this.state.windows[window]!.pausedReason === null && services.includes(ticket.service),
    ).length;
    const served = ofDay.filter((done) => done.status === 'finished' && done.firstCalledAt && done.finishedAt);
    const minutes =
      served.length >= 3
        ? served.reduce((sum, done) => sum + Date.parse(done.finishedAt!) - Date.parse(done.firstCalledAt!), 0) / served.length / 60_000
        : this.config.services.find((service) => service.code === ticket.service)!.usualServiceMinutes;
    return {
      ticket: seen(ticket),
      peopleAhead: ahead,
      estimatedWaitMinutes: open === 0 ? null : Math.ceil((ahead * minutes) / open),
    };
  }

  /** Runs `change` on a copy and keeps it only if nothing was refused, as the hall's transaction. */
  #attempt<T>(change: () => T): Expected<T> {
    // A ticket's fields are all primitives, so a copy of each is a full copy (and far cheaper on a day of 1 450).
    const before: ModelState = {
      now: this.state.now,
      tickets: this.state.tickets.map((ticket) => ({ ...ticket })),
      windows: structuredClone(this.state.windows),
      lastNumber: { ...this.state.lastNumber },
    };
    try {
      return { ok: true, value: structuredClone(change()) };
    } catch (error) {
      this.state = before;
      if (error instanceof Refused) return { ok: false, code: error.code, status: error.status };
      throw error;
    }
  }

  #ticket(id: string): ModelTicket | undefined {
    return this.state.tickets.find((ticket) => ticket.id === id);
  }

  #services(window: number): string[] {
    return this.config.windows.find((candidate) => candidate.window === window)!.services;
  }

  #iso(): string {
    return new Date(this.state.now).toISOString();
  }
}
