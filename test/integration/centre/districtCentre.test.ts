import { afterEach, describe, expect, it } from 'vitest';
import { businessDay } from '../../../main/contract/businessDay.js';
import { districtFiguresSchema, type DistrictRow } from '../../../upstream/centre/centreFigures.js';
import { hallFigures } from '../../../upstream/statistics/hallFigures.js';
import type { FigureRow } from '../../../upstream/statistics/figuresSchema.js';
import { startLoopbackCentre } from '../../support/centreOnLoopback.js';
import { figuresQueue, queueAtClock } from '../../support/figuresHall.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const dayBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** What of a hall's own total the centre must equal: the counts, and what they give. */
const comparable = (row: FigureRow | DistrictRow) => ({
  arrivals: row.arrivals,
  served: row.served,
  noShows: row.noShows,
  transferred: row.transferred,
  called: row.called,
  withinTarget: row.withinTarget,
  serviceLevel: row.serviceLevel,
  waitAverage: row.waitAverage,
  waitBuckets: row.waitBuckets,
  ratings: row.ratings,
  averageScore: row.averageScore,
  badRatings: row.badRatings,
});

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The centre runs on PostgreSQL in a district; on SQLite too, for a trial.
describe.each(hallBackends().reverse())('a district command centre on %s over three halls', (backend) => {
  it("takes every hall's hours, one hall catching up after being offline: its totals are the sum of the halls' own", async () => {
    const queue = await figuresQueue();
    const centre = await startLoopbackCentre(backend);
    cleanups.push(() => centre.close());
    const halls: LoopbackHall[] = [];
    for (const index of [1, 2, 3]) {
      const hall = await startLoopbackHall('sqlite', { queue, centreReportMs: 100 });
      cleanups.push(() => hall.close());
      await hall.enroll('K-01', { role: 'kiosk' });
      halls.push(hall);
      await centre.link(hall, `hall-${index}`, `第${index}大厅 Hall ${index}`);
    }
    const [one, two, three] = halls as [LoopbackHall, LoopbackHall, LoopbackHall];
    // Hall 3 loses its way to the centre (connections refused) before its day begins.
    await three.db.run("UPDATE centre_link SET centre_url = 'http://127.0.0.1:9'");
    const today = businessDay(new Date(), queue.resetHour, queue.timeZone);
    const [first, second] = [dayBefore(today, 2), dayBefore(today, 1)];
    const desks = await Promise.all(halls.map((hall) => queueAtClock(hall, queue)));

    // A day at each hall: hall 1 with a transfer and a 差评, hall 2 with a no-show, hall 3 plain.
    const [d1, d2, d3] = desks as [(typeof desks)[0], (typeof desks)[0], (typeof desks)[0]];
    const a = await d1.issue(`${first} 09:00`, 'A');
    await d1.issue(`${first} 09:05`, 'B');
    await d1.act(`${first} 09:20`, 1, { action: 'call-next' });
    await d1.act(`${first} 09:30`, 1, { action: 'transfer', to: { service: 'B' } });
    await d1.act(`${first} 09:31`, 2, { action: 'call-next' });
    await d1.act(`${first} 09:50`, 2, { action: 'finish' });
    await d1.act(`${first} 10:20`, 1, { action: 'call-next' });
    await d1.act(`${first} 10:25`, 1, { action: 'finish' });
    await d1.rate(a.id, 1);
    await d2.issue(`${first} 11:00`, 'A');
    await d2.issue(`${first} 11:01`, 'A');
    await d2.act(`${first} 11:04`, 1, { action: 'call-next' });
    await d2.act(`${first} 11:10`, 1, { action: 'finish' });
    await d2.act(`${first} 11:12`, 1, { action: 'call-next' });
    await d2.act(`${first} 11:14`, 1, { action: 'recall' });
    await d2.act(`${first} 11:16`, 1, { action: 'recall' });
    await d2.act(`${first} 11:20`, 1, { action: 'skip' });
    await d3.issue(`${first} 14:00`, 'B');
    await d3.act(`${first} 14:40`, 2, { action: 'call-next' });
    await d3.act(`${first} 14:45`, 2, { action: 'finish' });

    const cookie = await centre.staffCookie();
    const own = async (hall: LoopbackHall) => comparable((await hallFigures(hall.db, queue, first, second, new Date())).total);
    const atCentre = async () =>
      districtFiguresSchema.parse(
        await (await fetch(`${centre.url}/api/v1/centre/figures?from=${first}&to=${second}`, { headers: { cookie } })).json(),
      );
    const byHall = (figures: Awaited<ReturnType<typeof atCentre>>, id: string) =>
      comparable(figures.halls.find((hall) => hall.hallId === id)!);
    const [ownOne, ownTwo] = [await own(one), await own(two)];
    const early = await until(
      'halls 1 and 2 at the centre',
      atCentre,
      (figures) =>
        JSON.stringify(byHall(figures, 'hall-1')) === JSON.stringify(ownOne) &&
        JSON.stringify(byHall(figures, 'hall-2')) === JSON.stringify(ownTwo),
    );
    expect(byHall(early, 'hall-3').arrivals).toBe(0);

    // While away, hall 3 works on, and so does hall 1: the outbox keeps what the centre has not got.
    const late = await d3.issue(`${second} 09:00`, 'A');
    await d3.act(`${second} 09:03`, 1, { action: 'call-next' });
    await d3.act(`${second} 09:09`, 1, { action: 'finish' });
    await d3.rate(late.id, 5);
    await d1.issue(`${second} 10:00`, 'A');
    await d1.act(`${second} 10:30`, 2, { action: 'call-next' });
    await d1.act(`${second} 10:40`, 2, { action: 'finish' });
    await until(
      'hall 3 to hold hours for the centre',
      async () => (await three.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM centre_outbox'))!.n,
      (n) => Number(n) > 0,
    );
    expect(byHall(await atCentre(), 'hall-3').arrivals).toBe(0);

    // Back online: hall 3 catches up.
    await three.db.run('UPDATE centre_link SET centre_url = ?', [centre.url]);
    const owns = [await own(one), await own(two), await own(three)];
    const caughtUp = await until('every hall at the centre', atCentre, (figures) =>
      owns.every((hallOwn, index) => JSON.stringify(byHall(figures, `hall-${index + 1}`)) === JSON.stringify(hallOwn)),
    );
    const summed = owns.reduce((sum, row) => ({
      ...sum,
      arrivals: sum.arrivals + row.arrivals,
      served: sum.served + row.served,
      noShows: sum.noShows + row.noShows,
      transferred: sum.transferred + row.transferred,
      called: sum.called + row.called,
      withinTarget: sum.withinTarget + row.withinTarget,
      ratings: sum.ratings + row.ratings,
      badRatings: sum.badRatings + row.badRatings,
      waitBuckets: sum.waitBuckets.map((count, index) => count + row.waitBuckets[index]!),
    }));
    const total = comparable(caughtUp.total);
    expect({ ...total, serviceLevel: null, waitAverage: null, averageScore: null }).toEqual({
      ...summed,
      serviceLevel: null,
      waitAverage: null,
      averageScore: null,
    });
    // By hand: 7 tickets (hall 1: 3, hall 2: 2, hall 3: 2), 6 served, 1 no-show, 1 transfer, 2 ratings (one 差评).
    expect(total).toMatchObject({ arrivals: 7, served: 6, noShows: 1, transferred: 1, ratings: 2, badRatings: 1 });
    expect(caughtUp.days.map((day) => [day.day, day.arrivals])).toEqual([
      [first, 5],
      [second, 2],
    ]);
    expect(await three.db.get('SELECT COUNT(*) AS n FROM centre_outbox')).toEqual({ n: 0 });
  }, 90_000);
});
