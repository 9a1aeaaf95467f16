import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { QueueWindow } from '../../main/contract/queue.js';
import { seededRandom } from './seededRandom.js';

/** The size of a simulated day (issue 16: the busiest day a hall has). */
export interface BusyDayShape {
  tickets: number;
  windows: number;
  kiosks: number;
  /** The last kiosks, out of reach of the hall from 10:00 to 11:00: they issue from leased blocks. */
  offlineKiosks: number;
  appointments: number;
  displays: number;
}

export const busiestDay: BusyDayShape = { tickets: 1450, windows: 61, kiosks: 5, offlineKiosks: 2, appointments: 60, displays: 10 };

const minute = 60_000;
const hour = 60 * minute;

/** What happens to a citizen once a window calls them. */
export type Fate =
  | { kind: 'served'; minutes: number }
  | { kind: 'no-show' }
  | { kind: 'transfer'; afterMinutes: number; to: { service: string } | { window: number }; thenMinutes: number };

export interface Arrival {
  /** Milliseconds after 09:00. */
  at: number;
  kiosk: number;
  service: string;
  priority: 'senior' | 'disability' | null;
  /** Milliseconds after 09:00, for an appointment holder checking in. */
  appointmentAt: number | null;
  fate: Fate;
}

export interface PlannedPause {
  /** Taken at the first free moment from this many milliseconds after 09:00. */
  from: number;
  reason: NonNullable<QueueWindow['pausedReason']>;
  minutes: number;
}

export interface BusyDayPlan {
  queue: HallQueue;
  arrivals: Arrival[];
  pauses: Map<number, PlannedPause[]>;
  /** The kiosks out of reach, and when (ms after 09:00). */
  offline: { kiosks: number[]; from: number; until: number };
}

/** Share of the day's arrivals per hour from 09:00: a morning peak, a lunch dip, a smaller afternoon peak. */
const hourlyShare = [0.16, 0.17, 0.14, 0.08, 0.1, 0.12, 0.11, 0.08, 0.04];
const serviceShare: [string, number, number][] = [
  // code, share of arrivals, mean minutes at the window
  ['A', 0.4, 12],
  ['B', 0.25, 16],
  ['C', 0.15, 20],
  ['D', 0.2, 14],
];

/**
 * A day at a busy hall, the same on every run: arrivals by hour, services,
 * priorities, appointment holders, what happens at the window (served,
 * no-show, transferred to a service or a window), the windows' meals and
 * breaks. Windows serve one service each, the last four serve every one.
 */
export function planBusyDay(demo: HallQueue, shape: BusyDayShape, seed = 20261130): BusyDayPlan {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const general = Math.min(4, shape.windows);
  const windows = Array.from({ length: shape.windows }, (_, index) => {
    const window = index + 1;
    if (window > shape.windows - general) return { window, services: serviceShare.map(([code]) => code) };
    let edge = 0;
    const place = index / (shape.windows - general);
    const [code] = serviceShare.find(([, share]) => place < (edge += share)) ?? serviceShare.at(-1)!;
    return { window, services: [code] };
  });
  const queue: HallQueue = {
    ...demo,
    services: serviceShare.map(([code]) => demo.services.find((service) => service.code === code)!),
    windows,
  };

  const appointmentHolders = new Set<number>();
  while (appointmentHolders.size < Math.min(shape.appointments, shape.tickets))
    appointmentHolders.add(Math.floor(random() * shape.tickets));
  const arrivals: Arrival[] = [];
  for (let index = 0; index < shape.tickets; index += 1) {
    const slot = random();
    let edge = 0;
    const hourIndex = hourlyShare.findIndex((share) => slot < (edge += share));
    const at = Math.floor(((hourIndex === -1 ? hourlyShare.length - 1 : hourIndex) + random()) * hour);
    let serviceEdge = 0;
    const draw = random();
    const [service, , meanMinutes] = serviceShare.find(([, share]) => draw < (serviceEdge += share)) ?? serviceShare[0]!;
    const minutesAt = () => Math.max(2, Math.round(meanMinutes * (0.4 + 1.2 * random())));
    const roll = random();
    const fate: Fate =
      roll < 0.04
        ? { kind: 'no-show' }
        : roll < 0.06
          ? {
              kind: 'transfer',
              afterMinutes: 3,
              to: { service: pick(serviceShare.filter(([code]) => code !== service))[0] },
              thenMinutes: minutesAt(),
            }
          : roll < 0.08
            ? {
                kind: 'transfer',
                afterMinutes: 4,
                to: { window: shape.windows - Math.floor(random() * general) },
                thenMinutes: minutesAt(),
              }
            : { kind: 'served', minutes: minutesAt() };
    const priorityRoll = random();
    arrivals.push({
      at,
      kiosk: Math.floor(random() * shape.kiosks),
      service,
      priority: priorityRoll < 0.06 ? 'senior' : priorityRoll < 0.07 ? 'disability' : null,
      // Checked in up to 25 minutes before the booked time (the kiosk takes check-ins from 30 minutes before).
      appointmentAt: appointmentHolders.has(index) ? at + Math.floor(random() * 25) * minute : null,
      fate,
    });
  }
  arrivals.sort((a, b) => a.at - b.at);

  const pauses = new Map<number, PlannedPause[]>();
  for (const { window } of windows) {
    const planned: PlannedPause[] = [];
    if (random() < 0.7)
      planned.push({ from: 2.5 * hour + Math.floor(random() * 90) * minute, reason: 'meal', minutes: 30 + Math.floor(random() * 31) });
    if (random() < 0.4)
      planned.push({
        from: 5.5 * hour + Math.floor(random() * 90) * minute,
        reason: pick(['break', 'meeting'] as const),
        minutes: 10 + Math.floor(random() * 6),
      });
    pauses.set(window, planned);
  }
  const kiosks = Array.from({ length: shape.offlineKiosks }, (_, index) => shape.kiosks - 1 - index);
  return { queue, arrivals, pauses, offline: { kiosks, from: 1 * hour, until: 2 * hour } };
}
