import { afterAll, describe, expect, it, vi } from 'vitest';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { runBusyDay, type BusyHall } from '../../support/busyDay.js';
import { RpcTimings } from '../../support/rpcTimings.js';
import { expectedFigures } from '../../support/busyDayFigures.js';
import { busiestDay, planBusyDay } from '../../support/busyDayPlan.js';
import { figuresSchema } from '../../../upstream/statistics/figuresSchema.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';

/**
 * Issue 16: the busiest day, simulated. 1 450 tickets over a 9-hour day from
 * 5 kiosks (2 of them out of reach for an hour), 60 appointment holders, 61
 * windows calling, pausing and transferring, 10 displays, against a real hall
 * on loopback through its signed API, compressed in time by a virtual clock.
 * CI plays a smaller day with windows and appointments in proportion, 500
 * tickets on SQLite and 200 on PostgreSQL (whose figures come from the same
 * SQL in its dialect), to stay within its time; the whole day (about 45 s on
 * SQLite) is ONEWINDOW_BUSY_DAY_TICKETS=1450, which plays that many on both.
 */
const ticketsOn = (backend: string) => Number(process.env.ONEWINDOW_BUSY_DAY_TICKETS ?? (backend === 'sqlite' ? 500 : 200));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('the busiest day on %s', (backend) => {
  it(
    'calls every ticket once or marks it a no-show, loses and repeats none, keeps the order rules at every call, and its figures are what happened',
    { timeout: 600_000 },
    async () => {
      const tickets = ticketsOn(backend);
      const scaled = (full: number) => Math.max(8, Math.round((full * tickets) / busiestDay.tickets));
      const shape = { ...busiestDay, tickets, windows: scaled(busiestDay.windows), appointments: scaled(busiestDay.appointments) };
      const plan = planBusyDay(await readHallQueue(), shape);
      const clock = { ms: Date.now() };
      const hall: LoopbackHall = await startLoopbackHall(backend, { queue: plan.queue, now: () => clock.ms });
      cleanups.push(() => hall.close());
      // Every terminal's calls timed: the p99 of each kind of call over the day.
      const timings = new RpcTimings();
      const client = async (id: string, binding: Parameters<LoopbackHall['enroll']>[1]) =>
        timings.timed(new HallClient(await hall.enroll(id, binding)));
      const real: BusyHall = {
        hall,
        clock,
        kiosks: await Promise.all(Array.from({ length: shape.kiosks }, (_, index) => client(`K-${index + 1}`, { role: 'kiosk' }))),
        counters: new Map(
          await Promise.all(
            plan.queue.windows.map(async ({ window }) => [window, await client(`C-${window}`, { role: 'counter', window })] as const),
          ),
        ),
        displays: await Promise.all(Array.from({ length: shape.displays }, (_, index) => client(`D-${index + 1}`, { role: 'display' }))),
      };
      // Tomorrow (UTC) at 09:00 in Shanghai; terminals sign with Date.now(), which reads the hall's virtual clock.
      const dayStart = Date.parse(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T01:00:00Z`);
      const signing = vi.spyOn(Date, 'now').mockImplementation(() => clock.ms);
      try {
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        const { model, record } = await runBusyDay(real, plan, dayStart);
        const cpu = process.cpuUsage(cpuBefore);
        const seconds = (performance.now() - started) / 1000;
        const expected = expectedFigures(plan.queue, model.tickets, record);
        console.log(
          `busiest day on ${backend}: ${model.tickets.length} tickets (${record.offlineTickets} offline), ${record.requests} checked requests, ` +
            `${record.visits.length} stays, ${record.pauses.length} pauses, wait median ${expected.total.waitMedian} min and p90 ${expected.total.waitP90} min, day over at ${new Date(model.now + 8 * 3_600_000).toISOString().slice(11, 16)} ` +
            `in ${seconds.toFixed(1)} s (${Math.round((model.now - dayStart) / 1000 / seconds)}× real time)`,
        );
        // The hall shares this process with the simulated terminals: its share is at most this.
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        console.log(
          `busiest day on ${backend}: CPU of the hall and its ${real.kiosks.length + real.counters.size + real.displays.length} simulated terminals together ` +
            `${cpuSeconds.toFixed(1)} s = ${((100 * cpuSeconds) / ((model.now - dayStart) / 1000)).toFixed(3)} % of one core over the day's ${((model.now - dayStart) / 3_600_000).toFixed(1)} hours ` +
            `(${((100 * cpuSeconds) / seconds).toFixed(0)} % while compressed into ${seconds.toFixed(1)} s); each call's time:\n  ${timings.report().join('\n  ')}`,
        );

        expect(model.tickets).toHaveLength(shape.tickets);
        expect(new Set(model.tickets.map((ticket) => ticket.status))).toEqual(new Set(['finished', 'no_show']));
        // Called once: one stay per ticket, two when the first ended in a transfer.
        for (const ticket of model.tickets) {
          const stays = record.visits.filter((stay) => stay.ticketId === ticket.id);
          expect(
            stays.map((stay) => stay.outcome),
            ticket.label,
          ).toEqual(stays.length === 2 ? ['transferred', ticket.status] : [ticket.status]);
        }
        // The day had what a busy day has.
        expect(record.offlineTickets).toBeGreaterThan(0);
        expect(model.tickets.filter((ticket) => ticket.appointmentAt !== null)).toHaveLength(shape.appointments);
        expect(record.visits.filter((stay) => stay.outcome === 'transferred').length).toBeGreaterThan(0);
        expect(record.visits.filter((stay) => stay.outcome === 'no_show').length).toBeGreaterThan(0);
        expect(record.pauses.length).toBeGreaterThan(shape.windows / 2);

        const response = await fetch(`${hall.url}/dashboard/figures?from=${record.day}&to=${record.day}`, {
          headers: { cookie: await hall.staffCookie() },
        });
        expect(response.status).toBe(200);
        const figures = figuresSchema.parse(await response.json());
        const like = <T extends object>(actual: Record<string, unknown>, shown: T) =>
          Object.fromEntries(Object.keys(shown).map((key) => [key, actual[key]]));
        expect(like(figures.total, expected.total)).toEqual(expected.total);
        expect(figures.services.map((row, index) => like(row, expected.services[index]!))).toEqual(expected.services);
        expect(figures.windows.map((row, index) => like(row, expected.windows[index]!))).toEqual(expected.windows);
      } finally {
        signing.mockRestore();
      }
    },
  );
});
