import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { BusyDayRecord } from './busyDay.js';
import type { ModelTicket } from './queueModel.js';

/** The counted and timed figures of one group, as the dashboard names them. */
export interface ExpectedRow {
  arrivals: number;
  served: number;
  noShows: number;
  transferred: number;
  waiting: number;
  called: number;
  withinTarget: number;
  waitMedian: number | null;
  waitP90: number | null;
  serviceMedian: number | null;
  serviceP90: number | null;
  waitBuckets: number[];
}

const bucketEdges = [5, 10, 15, 30, 60].map((minutes) => minutes * 60);
const toMinutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** Nearest rank: the value at rank ⌈p·n⌉ of the sorted values. */
function rank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

const seconds = (from: string | number, to: string | number) => Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000);

/**
 * What the day's figures must be, computed in plain TypeScript from what the
 * simulation did (its tickets as the model holds them, the stays it saw at
 * each window, its pauses), not from the hall's tables: per service, per
 * window and for the whole day.
 */
export function expectedFigures(queue: HallQueue, tickets: readonly ModelTicket[], record: BusyDayRecord) {
  const target = (service: string) => queue.services.find((one) => one.code === service)!.targetWaitMinutes * 60;
  const row = (group: readonly ModelTicket[], stays: BusyDayRecord['visits']): ExpectedRow => {
    const waits = group.filter((ticket) => ticket.firstCalledAt).map((ticket) => seconds(ticket.issuedAt, ticket.firstCalledAt!));
    const withinTarget = group.filter(
      (ticket) => ticket.firstCalledAt && seconds(ticket.issuedAt, ticket.firstCalledAt) <= target(record.issuedService.get(ticket.id)!),
    ).length;
    const served = stays.filter((stay) => stay.outcome === 'finished').map((stay) => seconds(stay.calledAt, stay.endedAt!));
    const edges = [0, ...bucketEdges];
    return {
      arrivals: group.length,
      served: group.filter((ticket) => ticket.status === 'finished').length,
      noShows: group.filter((ticket) => ticket.status === 'no_show').length,
      transferred: stays.filter((stay) => stay.outcome === 'transferred').length,
      waiting: group.filter((ticket) => ticket.status === 'waiting').length,
      called: waits.length,
      withinTarget,
      waitMedian: toMinutes(rank(waits, 0.5)),
      waitP90: toMinutes(rank(waits, 0.9)),
      serviceMedian: toMinutes(rank(served, 0.5)),
      serviceP90: toMinutes(rank(served, 0.9)),
      waitBuckets: edges.map(
        (low, index) => waits.filter((wait) => wait >= low && (edges[index + 1] === undefined || wait < edges[index + 1]!)).length,
      ),
    };
  };
  const windowTime = (window: number) => {
    const busy = record.visits
      .filter((stay) => stay.window === window && stay.endedAt !== null)
      .reduce((sum, stay) => sum + seconds(stay.calledAt, stay.endedAt!), 0);
    const paused: Record<string, number> = {};
    for (const pause of record.pauses.filter((one) => one.window === window))
      paused[pause.reason] = (paused[pause.reason] ?? 0) + seconds(pause.startedAt, pause.endedAt);
    return {
      busyMinutes: toMinutes(busy),
      pausedMinutes: Object.fromEntries(Object.entries(paused).map(([reason, spent]) => [reason, toMinutes(spent)])),
    };
  };
  return {
    total: row(tickets, record.visits),
    services: queue.services.map(({ code }) => ({
      service: code,
      ...row(
        tickets.filter((ticket) => ticket.service === code),
        record.visits.filter((stay) => stay.service === code),
      ),
    })),
    windows: queue.windows.map(({ window }) => ({
      window,
      ...row(
        tickets.filter((ticket) => ticket.window === window),
        record.visits.filter((stay) => stay.window === window),
      ),
      ...windowTime(window),
    })),
  };
}
