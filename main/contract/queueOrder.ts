import type { QueueTicket, QueueWindow } from './queue.js';

/**
 * The hall's one ordering of waiting tickets, used by the hall to pick the
 * next ticket and by terminals to count the people ahead:
 *   1. appointment holders whose time has come, by appointment time;
 *   2. priority tickets (60 and over, disability, transferred; appointment
 *      holders who came early), by arrival;
 *   3. everyone else, by arrival.
 * Arrival is the issue time; the number breaks a tie.
 */
export function queueRank(ticket: QueueTicket, now: Date): number {
  if (ticket.appointmentAt !== null && Date.parse(ticket.appointmentAt) <= now.getTime()) return 0;
  if (ticket.priority !== null || ticket.appointmentAt !== null) return 1;
  return 2;
}

export function compareQueueOrder(a: QueueTicket, b: QueueTicket, now: Date): number {
  const rank = queueRank(a, now) - queueRank(b, now);
  if (rank !== 0) return rank;
  if (queueRank(a, now) === 0) {
    const byAppointment = Date.parse(a.appointmentAt!) - Date.parse(b.appointmentAt!);
    if (byAppointment !== 0) return byAppointment;
  }
  const byArrival = Date.parse(a.issuedAt) - Date.parse(b.issuedAt);
  if (byArrival !== 0) return byArrival;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

/** Whether `window` may call `ticket` now. */
export function servesTicket(window: Pick<QueueWindow, 'window' | 'services'>, ticket: QueueTicket): boolean {
  if (ticket.status !== 'waiting') return false;
  if (ticket.targetWindow !== null) return ticket.targetWindow === window.window;
  return window.services.includes(ticket.service);
}

/** The waiting tickets `window` may call, first to be called first. */
export function waitingFor(window: Pick<QueueWindow, 'window' | 'services'>, tickets: readonly QueueTicket[], now: Date): QueueTicket[] {
  return tickets.filter((ticket) => servesTicket(window, ticket)).sort((a, b) => compareQueueOrder(a, b, now));
}

/** Waiting tickets of the same service that will be called before `ticket`. */
export function peopleAhead(ticket: QueueTicket, tickets: readonly QueueTicket[], now: Date): number {
  return tickets.filter(
    (other) =>
      other.id !== ticket.id && other.status === 'waiting' && other.service === ticket.service && compareQueueOrder(other, ticket, now) < 0,
  ).length;
}

/** Minutes until a ticket is likely called; null when no window serving it is open. */
export function estimatedWaitMinutes(ahead: number, minutesPerCitizen: number, openWindows: number): number | null {
  if (openWindows <= 0) return null;
  return Math.ceil((ahead * minutesPerCitizen) / openWindows);
}

/** "A001": the service's letter and the number, at least three digits. */
export function ticketLabel(service: string, number: number): string {
  return `${service}${String(number).padStart(3, '0')}`;
}
