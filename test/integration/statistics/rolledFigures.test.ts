import { afterEach, describe, expect, it } from 'vitest';
import type { Figures } from '../../../upstream/statistics/figuresSchema.js';
import { dayParts } from '../../../upstream/statistics/dayParts.js';
import { daySpans, rollUpClosedDays } from '../../../upstream/statistics/figureRollup.js';
import { periodVersions, writeDayParts } from '../../../upstream/statistics/figureStore.js';
import { startHistoryRoll } from '../../../upstream/statistics/historyRoll.js';
import { recordingLogger } from '../../support/silentLogger.js';
import { figuresHall, shanghai } from '../../support/figuresHall.js';
import { hallBackends } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const now = shanghai('2026-11-29 12:00');
/** Days with tickets: one before October, one inside it (October is then rolled as a whole month), two after, the last yesterday, and today. */
const days = ['2026-09-30', '2026-10-15', '2026-11-02', '2026-11-28', '2026-11-29'] as const;
/** Minutes each A ticket of the day waits (issued on the hour, called that many minutes later, served 5 minutes). */
const waits: Record<(typeof days)[number], number[]> = {
  '2026-09-30': [2, 4, 6],
  '2026-10-15': [10, 12],
  '2026-11-02': [20],
  '2026-11-28': [8],
  '2026-11-29': [30],
};

/** The figures that are counts: they must add up exactly across days. */
const countKeys = ['arrivals', 'served', 'noShows', 'transferred', 'waiting', 'called', 'withinTarget', 'ratings', 'badRatings'] as const;
type Counted = Pick<Figures['total'], (typeof countKeys)[number] | 'waitBuckets'>;
const counted = (row: Figures['total']): Counted => ({
  ...(Object.fromEntries(countKeys.map((key) => [key, row[key]])) as Omit<Counted, 'waitBuckets'>),
  waitBuckets: row.waitBuckets,
});
const add = (a: Counted, b: Counted): Counted =>
  ({
    ...Object.fromEntries(
      Object.entries(a).map(([key, value]) => [key, typeof value === 'number' ? value + (b[key as keyof Counted] as number) : value]),
    ),
    waitBuckets: a.waitBuckets.map((count, index) => count + b.waitBuckets[index]!),
  }) as Counted;

describe.each(hallBackends())('the figures of a range of days on %s, from rolled-up days and today', (backend) => {
  async function setUp() {
    const { hall, queue, desk, figures } = await figuresHall(backend, now, cleanups);
    const rolled = async () =>
      (await hall.db.all<{ period: string }>('SELECT period FROM figure_period WHERE rolled = 1 ORDER BY period')).map((row) => row.period);
    const serve = async (day: string, hour: number, wait: number) => {
      const at = (minute: number) =>
        `${day} ${String(hour + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const ticket = await desk.issue(at(0), 'A');
      await desk.act(at(wait), 1, { action: 'call-next' });
      await desk.act(at(wait + 5), 1, { action: 'finish' });
      return ticket;
    };
    const tickets = [];
    for (const day of days) for (const [index, wait] of waits[day].entries()) tickets.push(await serve(day, 8 + index, wait));
    return { hall, queue, desk, figures, serve, tickets, rolled };
  }

  it('adds up to the days one by one, with median and p90 over the range within a minute of the exact ones', async () => {
    const { figures } = await setUp();
    const range = await figures('2026-09-30', '2026-11-29');
    const single = await Promise.all(days.map((day) => figures(day)));

    expect(counted(range.total)).toEqual(single.map((day) => counted(day.total)).reduce(add));
    expect(range.days.map(({ day, arrivals, waitMedian }) => ({ day, arrivals, waitMedian }))).toEqual(
      single.map((day) => ({ day: day.from, arrivals: day.total.arrivals, waitMedian: day.total.waitMedian })),
    );
    expect(range.windows[0]!.busyMinutes).toBe(single.reduce((sum, day) => sum + day.windows[0]!.busyMinutes, 0));
    expect(range.windows[0]!.availableMinutes).toBe(single.reduce((sum, day) => sum + day.windows[0]!.availableMinutes, 0));
    expect(range.kiosk).toEqual([{ use: 'ticket', service: 'A', count: 8 }]);
    // Waits 2, 4, 6, 8, 10, 12, 20, 30: nearest-rank median (rank 4) 8, p90 (rank 8) 30; service 5 each.
    expect(range.total).toMatchObject({ arrivals: 8, served: 8, called: 8, withinTarget: 6 });
    expect(Math.abs(range.total.waitMedian! - 8)).toBeLessThan(1);
    expect(Math.abs(range.total.waitP90! - 30)).toBeLessThan(1);
    expect(Math.abs(range.services[0]!.serviceMedian! - 5)).toBeLessThan(1);
    // One day alone keeps its exact percentiles, rolled up (closed) or read now (today).
    expect(single[0]!.total).toMatchObject({ waitMedian: 4, waitP90: 6, serviceMedian: 5 });
    expect(single[4]!.total).toMatchObject({ waitMedian: 30, waitP90: 30 });
    // Yesterday (one closed day) and today: waits 8 and 30, median (rank 1) 8.
    expect(Math.abs((await figures('2026-11-28', '2026-11-29')).total.waitMedian! - 8)).toBeLessThan(1);
  });

  it('rolls a closed day up again when one of its tickets changes: a late rating, a ticket issued late for it', async () => {
    const { desk, figures, serve, tickets } = await setUp();
    const before = await figures('2026-09-30', '2026-11-28');
    expect(before.total).toMatchObject({ arrivals: 7, ratings: 0 });

    await desk.rate(tickets[0]!.id, 1);
    // A 50-minute wait on 15 October, inside the month rolled as a whole.
    await serve('2026-10-15', 14, 50);
    const after = await figures('2026-09-30', '2026-11-28');
    expect(after.total).toMatchObject({ arrivals: 8, ratings: 1, badRatings: 1, called: 8 });
    // Waits 2, 4, 6, 8, 10, 12, 20, 50: p90 (rank 8) is now the late ticket's.
    expect(Math.abs(after.total.waitP90! - 50)).toBeLessThan(1);
    expect((await figures('2026-10-15')).total).toMatchObject({ arrivals: 3, waitP90: 50 });
    expect((await figures('2026-09-30')).total).toMatchObject({ ratings: 1 });
  });

  it('rolls the closed days up in the background from the first ticket on, and adds up no month from part of its days', async () => {
    const { hall, queue, figures, rolled } = await setUp();
    // Stopped before its first day: October is not added up from none of its days.
    expect(await rollUpClosedDays(hall.db, queue, '2026-09-30', '2026-11-28', now, AbortSignal.abort())).toEqual([]);
    expect(await rolled()).toEqual([]);
    expect(Math.abs((await figures('2026-09-30', '2026-11-28')).total.waitP90! - 20)).toBeLessThan(1);

    await hall.db.run('UPDATE figure_period SET rolled = 0');
    const stop = startHistoryRoll({ db: hall.db, queue, now: () => now, logger: recordingLogger().logger });
    await expect.poll(async () => (await rolled()).length, { timeout: 10_000 }).toBe(60 + 1);
    await stop();
    expect(await rolled()).toContain('2026-10');
    expect((await rolled()).filter((period) => period.length === 10)).toEqual(
      daySpans(queue, '2026-09-30', '2026-11-28').map((span) => span.day),
    );
  });

  it('keeps a newer roll of a day over one that read the day before it changed', async () => {
    const { hall, queue, desk, figures, tickets } = await setUp();
    const day = '2026-10-15';
    const versions = await periodVersions(hall.db, [day]);
    const stale = await dayParts(hall.db, queue, daySpans(queue, day, day), now);
    await desk.rate(tickets[3]!.id, 1);
    expect((await figures(day)).total.ratings).toBe(1);
    await writeDayParts(hall.db, stale, versions);
    expect((await figures(day)).total.ratings).toBe(1);
  });
});
