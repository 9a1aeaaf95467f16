import { estimatedWaitMinutes, peopleAhead, waitingFor } from '../../contract/queueOrder.js';
import type { CounterState, HallBoard, QueueOverview, QueueRules, QueueService, QueueTicket, QueueWindow } from '../../contract/queue.js';

/** The queue as a terminal last pulled it, for one business day. Views below are pure functions of it. */
export interface QueueSnapshot {
  rules: QueueRules | null;
  services: QueueService[];
  windows: QueueWindow[];
  tickets: QueueTicket[];
  now: Date;
}

/** The calls a hall board shows. */
export const boardCalls = 9;

function openWindowsFor(snapshot: QueueSnapshot, service: string): number {
  return snapshot.windows.filter((window) => window.pausedReason === null && window.services.includes(service)).length;
}

/** Who is ahead of a ticket and the likely wait, from the snapshot (the kiosk's estimate when it issued offline). */
export function waitFor(snapshot: QueueSnapshot, ticket: QueueTicket): { peopleAhead: number; estimatedWaitMinutes: number | null } {
  const ahead = peopleAhead(ticket, snapshot.tickets, snapshot.now);
  const service = snapshot.services.find((candidate) => candidate.code === ticket.service);
  return {
    peopleAhead: ahead,
    estimatedWaitMinutes: service
      ? estimatedWaitMinutes(ahead, service.usualServiceMinutes, openWindowsFor(snapshot, ticket.service))
      : null,
  };
}

/** The kiosk's choice of services: how many wait for each and how long a new ticket would likely wait. */
export function queueOverview(snapshot: QueueSnapshot): QueueOverview {
  return {
    services: snapshot.services.map((service) => {
      const waiting = snapshot.tickets.filter((ticket) => ticket.status === 'waiting' && ticket.service === service.code).length;
      return {
        code: service.code,
        name: service.name,
        waiting,
        estimatedWaitMinutes: estimatedWaitMinutes(waiting, service.usualServiceMinutes, openWindowsFor(snapshot, service.code)),
      };
    }),
  };
}

/** The hall board: calls latest first (recalls count as new calls), waiting per service, paused windows. */
export function hallBoard(snapshot: QueueSnapshot): HallBoard {
  const calls = snapshot.tickets
    .filter((ticket) => ticket.calledAt !== null && ticket.window !== null)
    .sort((a, b) => Date.parse(b.calledAt!) - Date.parse(a.calledAt!) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, boardCalls)
    .map((ticket) => ({
      ticketId: ticket.id,
      label: ticket.label,
      window: ticket.window!,
      calledAt: ticket.calledAt!,
      recalls: ticket.recalls,
    }));
  return {
    hallName: snapshot.rules?.hallName ?? null,
    calls,
    waiting: queueOverview(snapshot).services.map((service) => ({ code: service.code, name: service.name, count: service.waiting })),
    pausedWindows: snapshot.windows.flatMap((window) =>
      window.pausedReason === null ? [] : [{ window: window.window, reason: window.pausedReason }],
    ),
  };
}

/** The clerk's view of one window: its ticket, who waits for it in calling order, where a ticket may be transferred. */
export function counterState(snapshot: QueueSnapshot, windowNumber: number): CounterState {
  const window = snapshot.windows.find((candidate) => candidate.window === windowNumber) ?? {
    window: windowNumber,
    services: [],
    pausedReason: null,
    currentTicketId: null,
  };
  return {
    window: windowNumber,
    services: snapshot.services.filter((service) => window.services.includes(service.code)),
    pausedReason: window.pausedReason,
    current: snapshot.tickets.find((ticket) => ticket.id === window.currentTicketId) ?? null,
    waiting: waitingFor(window, snapshot.tickets, snapshot.now).slice(0, 50),
    otherWindows: snapshot.windows.map((other) => other.window).filter((other) => other !== windowNumber),
    recallsBeforeSkip: snapshot.rules?.recallsBeforeSkip ?? 0,
    allServices: snapshot.services,
  };
}
