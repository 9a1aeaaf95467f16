import { ulid } from 'ulid';
import { expect } from 'vitest';
import type { CounterAction, IssueTicketRequest, OfflineTicketEvent } from '../../main/contract/queue.js';
import type { OutboxEvent } from '../../main/contract/syncProtocol.js';
import type { HallClient } from '../../main/sync/hallClient.js';
import type { BusyDayPlan, Fate, PlannedPause } from './busyDayPlan.js';
import type { LoopbackHall } from './hallOnLoopback.js';
import { QueueModel, type Expected } from './queueModel.js';
import { outcome, verifyPublished, verifyStored, type RealHall } from './queueModelHall.js';

/** The terminals of a simulated day, each enrolled with the hall on loopback; every request signs at `clock`. */
export interface BusyHall {
  hall: LoopbackHall;
  clock: { ms: number };
  kiosks: HallClient[];
  counters: Map<number, HallClient>;
  displays: HallClient[];
}

/** A window's stay of a ticket, as the simulation saw it (the figures' queue_visit). */
export interface Visit {
  ticketId: string;
  window: number;
  service: string;
  calledAt: number;
  endedAt: number | null;
  outcome: 'finished' | 'no_show' | 'transferred' | null;
}

export interface BusyDayRecord {
  day: string;
  /** The service each ticket was issued for (its target wait). */
  issuedService: Map<string, string>;
  visits: Visit[];
  pauses: { window: number; reason: string; startedAt: number; endedAt: number }[];
  /** Requests sent, each answer checked against the model. */
  requests: number;
  /** Kiosk tickets issued from leased blocks while the hall was out of reach. */
  offlineTickets: number;
}

const second = 1000;
const minute = 60 * second;

interface Desk {
  window: number;
  state: 'idle' | 'called' | 'busy' | 'paused';
  pauses: PlannedPause[];
}

/**
 * Plays `plan` against the hall, as fast as it answers: a virtual clock
 * moves from one planned moment to the next (each request at its own whole
 * second), kiosks issue, windows call, serve, recall, skip, transfer and
 * pause, two kiosks go out of reach for an hour and push what they issued,
 * displays pull the queue. Every answer of the hall is checked against the
 * queue's model (test/support/queueModel.ts, written from the rules), so the
 * order rules are checked at every call; the stored queue every hour, and
 * each display's copy every half hour.
 */
export async function runBusyDay(
  real: BusyHall,
  plan: BusyDayPlan,
  dayStart: number,
): Promise<{ model: QueueModel; record: BusyDayRecord }> {
  const model = new QueueModel(plan.queue, dayStart);
  real.clock.ms = dayStart;
  const record: BusyDayRecord = { day: model.dayAt(), issuedService: new Map(), visits: [], pauses: [], requests: 0, offlineTickets: 0 };
  const checked = (displayIndex: number): RealHall => ({
    hall: real.hall,
    clock: real.clock,
    kiosks: real.kiosks,
    counters: real.counters,
    display: real.displays[displayIndex] ?? real.kiosks[0]!,
    published: new Map(),
    cursor: 0,
    pulledAt: 0,
    runDay: record.day,
    requests: new Map(),
  });
  const views = real.displays.map((_, index) => checked(index));
  const agenda = new Agenda();
  let last = dayStart - second;

  /** One request at its own whole second at or after `at`; the hall's answer must be the model's. */
  const request = async <T>(at: number, what: string, send: () => Promise<T>, expected: () => Expected<T>): Promise<T | null> => {
    const instant = Math.max(Math.ceil(at / second) * second, last + second);
    last = instant;
    model.advance(instant - model.now);
    real.clock.ms = instant;
    const answer = await outcome(send());
    record.requests += 1;
    expect(answer, `${new Date(instant).toISOString()} ${what}`).toEqual(expected());
    return answer.ok ? answer.value : null;
  };
  const now = () => model.now;

  // Windows: free, called (deciding), serving, or paused; the idle ones are woken when someone waits for them.
  const desks = new Map(
    plan.queue.windows.map(({ window }) => [window, { window, state: 'idle', pauses: [...(plan.pauses.get(window) ?? [])] } as Desk]),
  );
  const fates = new Map<string, Fate>();
  const visitsOf = new Map<string, number>();
  const act = (window: number, action: CounterAction, at: number) =>
    request(
      at,
      `window ${window}: ${action.action}`,
      () => real.counters.get(window)!.counter(window, action),
      () => model.act(window, action),
    );

  const wakeIdle = (at: number) => {
    const claimed = new Set<string>();
    for (const desk of desks.values()) {
      if (desk.state !== 'idle') continue;
      const waiting = model.waitingFor(desk.window).find((ticket) => !claimed.has(ticket.id));
      if (!waiting) continue;
      claimed.add(waiting.id);
      desk.state = 'called';
      agenda.add(at + 10 * second, () => callNext(desk));
    }
  };
  const free = (desk: Desk) => {
    const due = desk.pauses[0];
    if (due && dayStart + due.from <= now()) {
      desk.pauses.shift();
      desk.state = 'paused';
      agenda.add(now(), async () => {
        await act(desk.window, { action: 'pause', reason: due.reason }, now());
        const startedAt = now();
        agenda.add(startedAt + due.minutes * minute, async () => {
          await act(desk.window, { action: 'resume' }, now());
          record.pauses.push({ window: desk.window, reason: due.reason, startedAt, endedAt: now() });
          desk.state = 'idle';
          wakeIdle(now());
        });
      });
      return;
    }
    desk.state = 'idle';
    wakeIdle(now());
  };
  const leave = (visit: Visit, outcome: Visit['outcome']) => Object.assign(visit, { endedAt: now(), outcome });
  const callNext = async (desk: Desk) => {
    const answer = await act(desk.window, { action: 'call-next' }, agenda.at);
    const ticket = answer?.current;
    if (!ticket) return free(desk);
    desk.state = 'busy';
    const visit: Visit = {
      ticketId: ticket.id,
      window: desk.window,
      service: ticket.service,
      calledAt: now(),
      endedAt: null,
      outcome: null,
    };
    record.visits.push(visit);
    const nth = (visitsOf.get(ticket.id) ?? 0) + 1;
    visitsOf.set(ticket.id, nth);
    const planned = fates.get(ticket.id)!;
    const fate: Fate = nth > 1 && planned.kind === 'transfer' ? { kind: 'served', minutes: planned.thenMinutes } : planned;
    wakeIdle(now());
    if (fate.kind === 'served') {
      agenda.add(now() + fate.minutes * minute, async () => {
        await act(desk.window, { action: 'finish' }, agenda.at);
        leave(visit, 'finished');
        free(desk);
      });
    } else if (fate.kind === 'no-show') {
      for (let recall = 1; recall <= plan.queue.recallsBeforeSkip; recall += 1)
        agenda.add(now() + recall * minute, async () => void (await act(desk.window, { action: 'recall' }, agenda.at)));
      agenda.add(now() + (plan.queue.recallsBeforeSkip + 1) * minute, async () => {
        await act(desk.window, { action: 'skip' }, agenda.at);
        leave(visit, 'no_show');
        free(desk);
      });
    } else {
      // A transfer to the window itself would be refused: the general window a ticket was sent to serves it there.
      const to = 'window' in fate.to && fate.to.window === desk.window ? { service: ticket.service === 'A' ? 'B' : 'A' } : fate.to;
      agenda.add(now() + fate.afterMinutes * minute, async () => {
        await act(desk.window, { action: 'transfer', to }, agenda.at);
        leave(visit, 'transferred');
        free(desk);
      });
    }
  };

  // Kiosks: online ones ask the hall; the ones out of reach issue from blocks leased at the start and push at the end of the hour.
  const offlineStock = new Map<string, number>();
  const outbox = new Map<number, OfflineTicketEvent[]>();
  for (const kiosk of plan.offline.kiosks) {
    outbox.set(kiosk, []);
    for (const { code } of plan.queue.services) {
      const block = await request(
        dayStart - 5 * minute,
        `kiosk ${kiosk + 1}: lease a block of ${code}`,
        () => real.kiosks[kiosk]!.leaseBlock(code, 100),
        () => ({ ok: true, value: expect.objectContaining({ service: code, businessDay: record.day }) as never }),
      );
      offlineStock.set(`${kiosk}/${code}`, block!.first);
    }
    agenda.add(dayStart + plan.offline.until, async () => {
      const events = outbox.get(kiosk)!;
      const pushed: OutboxEvent[] = events.map((payload, index) => ({
        id: ulid(),
        seq: index + 1,
        type: 'queue.ticket-issued',
        occurredAt: payload.issuedAt,
        payload: { ...payload },
      }));
      await request(
        now(),
        `kiosk ${kiosk + 1}: back online, pushes ${events.length} tickets`,
        () => real.kiosks[kiosk]!.push(pushed),
        () => ({ ok: true, value: { acknowledged: pushed.map((event) => event.id), rejected: [], resendFrom: null } }),
      );
      for (const event of events) model.acceptOffline(event);
      wakeIdle(now());
    });
  }
  for (const arrival of plan.arrivals) {
    agenda.add(dayStart + arrival.at, async () => {
      const sent: IssueTicketRequest = {
        id: ulid(),
        service: arrival.service,
        priority: arrival.priority,
        appointmentAt: arrival.appointmentAt === null ? null : new Date(dayStart + arrival.appointmentAt).toISOString(),
      };
      fates.set(sent.id, arrival.fate);
      record.issuedService.set(sent.id, sent.service);
      const away = plan.offline.kiosks.includes(arrival.kiosk) && arrival.at >= plan.offline.from && arrival.at < plan.offline.until;
      if (away) {
        const key = `${arrival.kiosk}/${sent.service}`;
        const number = offlineStock.get(key)!;
        offlineStock.set(key, number + 1);
        outbox.get(arrival.kiosk)!.push({ ...sent, businessDay: record.day, number, issuedAt: new Date(now()).toISOString() });
        record.offlineTickets += 1;
        return;
      }
      await request(
        agenda.at,
        `kiosk ${arrival.kiosk + 1}: issue ${sent.service}`,
        () => real.kiosks[arrival.kiosk]!.issueTicket(sent),
        () => model.issue(sent),
      );
      wakeIdle(now());
    });
  }
  // Displays pull the queue every half hour (staggered), and see exactly the model's; the stored queue is checked every hour.
  const lastArrival = plan.arrivals.at(-1)?.at ?? 0;
  views.forEach((view, index) => {
    for (let at = index * 3 * minute; at <= lastArrival; at += 30 * minute) agenda.add(dayStart + at, () => verifyPublished(model, view));
  });
  for (let at = 0; at <= lastArrival; at += 60 * minute) agenda.add(dayStart + at, () => verifyStored(model, views[0]!));

  for (let event = agenda.next(); event; event = agenda.next()) {
    if (event.at > model.now) {
      model.advance(event.at - model.now);
      real.clock.ms = model.now;
    }
    await event.run();
  }
  await verifyStored(model, views[0]!);
  for (const view of views) await verifyPublished(model, view);
  return { model, record };
}

/** Planned moments in time order (ties in the order they were planned). */
class Agenda {
  #events: { at: number; seq: number; run: () => Promise<void> }[] = [];
  #seq = 0;
  /** The moment of the event being run. */
  at = 0;

  add(at: number, run: () => Promise<void>): void {
    const event = { at, seq: (this.#seq += 1), run };
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const other = this.#events[middle]!;
      if (other.at < at || (other.at === at && other.seq < event.seq)) low = middle + 1;
      else high = middle;
    }
    this.#events.splice(low, 0, event);
  }

  next() {
    const event = this.#events.shift();
    if (event) this.at = event.at;
    return event;
  }
}
