import type { QueueStatistics } from '../../main/contract/queue.js';
import type { StoredTicket } from './ticketRows.js';

function average(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function summarize(tickets: readonly StoredTicket[]) {
  const served = tickets.filter((ticket) => ticket.status === 'finished');
  const called = tickets.filter((ticket) => ticket.firstCalledAt !== null);
  const scores = served.flatMap((ticket) => (ticket.score === null ? [] : [ticket.score]));
  return {
    served: served.length,
    noShows: tickets.filter((ticket) => ticket.status === 'no_show').length,
    averageWaitMinutes: round(average(called.map((ticket) => minutes(ticket.issuedAt, ticket.firstCalledAt!)))),
    averageServiceMinutes: round(
      average(
        served
          .filter((ticket) => ticket.firstCalledAt && ticket.finishedAt)
          .map((ticket) => minutes(ticket.firstCalledAt!, ticket.finishedAt!)),
      ),
    ),
    ratings: scores.length,
    averageScore: round(average(scores)),
  };
}

/**
 * A day's figures per service and per window: wait (issue to first call),
 * service time (first call to finish), served and no-show counts, ratings.
 * A transferred ticket counts for the service and window that finished it.
 */
export function queueStatistics(
  businessDay: string,
  tickets: readonly StoredTicket[],
  services: readonly string[],
  windows: readonly number[],
): QueueStatistics {
  return {
    businessDay,
    services: services.map((service) => {
      const ofService = tickets.filter((ticket) => ticket.service === service);
      return { service, waiting: ofService.filter((ticket) => ticket.status === 'waiting').length, ...summarize(ofService) };
    }),
    windows: windows.map((window) => ({ window, ...summarize(tickets.filter((ticket) => ticket.window === window)) })),
  };
}
