import { ulid } from 'ulid';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { CounterAction, QueueTicket } from '../../main/contract/queue.js';
import { CounterDesk } from '../../upstream/queue/counterDesk.js';
import { QueueContext } from '../../upstream/queue/queueContext.js';
import { TicketIssuer } from '../../upstream/queue/ticketIssuer.js';
import { ChangeLog } from '../../upstream/sync/changeLog.js';
import { hallFigures } from '../../upstream/statistics/hallFigures.js';
import { startLoopbackHall, type HallBackend, type LoopbackHall } from './hallOnLoopback.js';

/** Local wall-clock time in Shanghai (UTC+8, no DST) as an instant. */
export const shanghai = (local: string) => new Date(Date.parse(`${local}:00+08:00`));

/** The demo hall with services A (target 15 min) and B (target 10 min), served by windows 1 and 2. */
export async function figuresQueue(): Promise<HallQueue> {
  const queue = await readHallQueue();
  return {
    ...queue,
    services: queue.services
      .filter((service) => service.code === 'A' || service.code === 'B')
      .map((service) => ({ ...service, targetWaitMinutes: service.code === 'A' ? 15 : 10 })),
    windows: [
      { window: 1, services: ['A', 'B'] },
      { window: 2, services: ['A', 'B'] },
    ],
  };
}

/** The hall's queue parts over a loopback hall's database, on a clock the test sets before each step. */
export async function queueAtClock(hall: LoopbackHall, queue: HallQueue) {
  const clock = { now: new Date() };
  const context = new QueueContext(
    hall.db,
    queue,
    new ChangeLog(hall.db),
    () => clock.now,
    () => undefined,
  );
  const issuer = new TicketIssuer(context);
  const desk = new CounterDesk(context);
  await context.publishSetup();
  return {
    context,
    at(local: string) {
      clock.now = shanghai(local);
    },
    async issue(local: string, service: string, by = 'K-01', appointmentAt: string | null = null): Promise<QueueTicket> {
      clock.now = shanghai(local);
      const request = { id: ulid(), service, priority: null, appointmentAt: appointmentAt && shanghai(appointmentAt).toISOString() };
      return (await issuer.issue(by, request)).ticket;
    },
    async act(local: string, window: number, act: CounterAction) {
      clock.now = shanghai(local);
      return desk.act(window, act);
    },
    rate: (ticketId: string, score: number) =>
      hall.db.transaction((tx) => issuer.rate(tx, { ticketId, score, reasons: score <= 2 ? ['slow'] : ['efficient'] })),
  };
}

/**
 * A loopback hall with the figures' queue and kiosk K-01, its queue parts on a test clock, and
 * its figures for a range as of `now`. `cleanups` gets its closing as soon as it runs.
 */
export async function figuresHall(backend: HallBackend, now: Date, cleanups: (() => Promise<void>)[]) {
  const queue = await figuresQueue();
  // Rolled only when a test asks: the hall's own round, on the real clock, would roll the test's days as they are written.
  const hall = await startLoopbackHall(backend, { queue, historyRollMs: null });
  cleanups.push(() => hall.close());
  await hall.enroll('K-01', { role: 'kiosk' });
  const desk = await queueAtClock(hall, queue);
  const figures = (from: string, to = from) => hallFigures(hall.db, queue, from, to, now);
  return { hall, queue, desk, figures };
}
