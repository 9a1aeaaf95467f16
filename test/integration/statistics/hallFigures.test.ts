import { afterEach, describe, expect, it } from 'vitest';
import { figuresHall, shanghai } from '../../support/figuresHall.js';
import { hallBackends } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(hallBackends())('the hall figures on %s, against days computed by hand', (backend) => {
  const setUp = () => figuresHall(backend, shanghai('2026-11-29 12:00'), cleanups);

  it('a day with a transfer, a no-show, a pause and ratings: every figure per service, window, hour and day', async () => {
    const { desk, figures } = await setUp();
    const day = '2026-11-25';
    const a1 = await desk.issue(`${day} 09:00`, 'A');
    const a2 = await desk.issue(`${day} 09:02`, 'A');
    await desk.issue(`${day} 09:05`, 'B');
    expect((await desk.act(`${day} 09:10`, 1, { action: 'call-next' })).current?.label).toBe('A001');
    await desk.act(`${day} 09:16`, 1, { action: 'finish' });
    expect((await desk.act(`${day} 09:20`, 2, { action: 'call-next' })).current?.label).toBe('A002');
    await desk.act(`${day} 09:30`, 2, { action: 'transfer', to: { service: 'B' } });
    expect((await desk.act(`${day} 09:31`, 1, { action: 'call-next' })).current?.label).toBe('A002');
    expect((await desk.act(`${day} 09:35`, 2, { action: 'call-next' })).current?.label).toBe('B001');
    await desk.act(`${day} 09:40`, 1, { action: 'finish' });
    await desk.act(`${day} 09:41`, 2, { action: 'recall' });
    await desk.act(`${day} 09:42`, 2, { action: 'recall' });
    await desk.act(`${day} 09:45`, 2, { action: 'skip' });
    await desk.act(`${day} 09:50`, 2, { action: 'pause', reason: 'meal' });
    await desk.act(`${day} 10:20`, 2, { action: 'resume' });
    await desk.issue(`${day} 10:30`, 'A');
    expect((await desk.act(`${day} 10:40`, 2, { action: 'call-next' })).current?.label).toBe('A003');
    await desk.act(`${day} 10:52`, 2, { action: 'finish' });
    await desk.rate(a1.id, 5);
    await desk.rate(a2.id, 2);

    const result = await figures(day);
    // Waits 10, 18 (A002, transferred later), 30 (B001), 10 (A003); service stays finished: 6, 9, 12.
    const total = {
      arrivals: 4,
      served: 3,
      noShows: 1,
      transferred: 1,
      waiting: 0,
      called: 4,
      withinTarget: 2,
      serviceLevel: 50,
      waitAverage: 17,
      waitMedian: 10,
      waitP90: 30,
      serviceMedian: 9,
      serviceP90: 12,
      waitBuckets: [0, 0, 2, 1, 1, 0],
      ratings: 2,
      averageScore: 3.5,
      badRatings: 1,
    };
    expect(result.total).toEqual(total);
    expect(result.days).toEqual([{ day, ...total }]);
    expect(result.services).toEqual([
      {
        service: 'A',
        targetWaitMinutes: 15,
        ...{ arrivals: 2, served: 2, noShows: 0, transferred: 1, waiting: 0, called: 2, withinTarget: 2, serviceLevel: 100 },
        ...{ waitAverage: 10, waitMedian: 10, waitP90: 10, serviceMedian: 6, serviceP90: 12, waitBuckets: [0, 0, 2, 0, 0, 0] },
        ...{ ratings: 1, averageScore: 5, badRatings: 0 },
      },
      {
        service: 'B',
        targetWaitMinutes: 10,
        // A002 waited 18 min in A's queue (target 15) and was finished as B.
        ...{ arrivals: 2, served: 1, noShows: 1, transferred: 0, waiting: 0, called: 2, withinTarget: 0, serviceLevel: 0 },
        ...{ waitAverage: 24, waitMedian: 18, waitP90: 30, serviceMedian: 9, serviceP90: 9, waitBuckets: [0, 0, 0, 1, 1, 0] },
        ...{ ratings: 1, averageScore: 2, badRatings: 1 },
      },
    ]);
    expect(result.windows).toEqual([
      {
        window: 1,
        ...{ arrivals: 2, served: 2, noShows: 0, transferred: 0, waiting: 0, called: 2, withinTarget: 1, serviceLevel: 50 },
        ...{ waitAverage: 14, waitMedian: 10, waitP90: 18, serviceMedian: 6, serviceP90: 9, waitBuckets: [0, 0, 1, 1, 0, 0] },
        ...{ ratings: 2, averageScore: 3.5, badRatings: 1 },
        // Busy 6 + 9 min between its first call (09:10) and its last ticket leaving (09:40).
        ...{ busyMinutes: 15, availableMinutes: 30, utilisation: 50, pausedMinutes: {} },
      },
      {
        window: 2,
        ...{ arrivals: 2, served: 1, noShows: 1, transferred: 1, waiting: 0, called: 2, withinTarget: 1, serviceLevel: 50 },
        ...{ waitAverage: 20, waitMedian: 10, waitP90: 30, serviceMedian: 12, serviceP90: 12, waitBuckets: [0, 0, 1, 0, 1, 0] },
        ...{ ratings: 0, averageScore: null, badRatings: 0 },
        // Busy 10 + 10 + 12 min; 09:20–10:52 less the 30 min meal.
        ...{ busyMinutes: 32, availableMinutes: 62, utilisation: 51.6, pausedMinutes: { meal: 30 } },
      },
    ]);
    expect(
      result.hours.map(({ hour, arrivals, finished, called, withinTarget, serviceLevel, waitAverage, waitMedian, waitP90 }) => ({
        ...{ hour, arrivals, finished, called, withinTarget, serviceLevel, waitAverage, waitMedian, waitP90 },
      })),
    ).toEqual([
      { hour: 9, arrivals: 3, finished: 2, called: 3, withinTarget: 1, serviceLevel: 33.3, waitAverage: 19.3, waitMedian: 18, waitP90: 30 },
      { hour: 10, arrivals: 1, finished: 1, called: 1, withinTarget: 1, serviceLevel: 100, waitAverage: 10, waitMedian: 10, waitP90: 10 },
    ]);
    expect(
      result.hours.map(({ hour, serviceMedian, serviceP90, transferred }) => ({ hour, serviceMedian, serviceP90, transferred })),
    ).toEqual([
      { hour: 9, serviceMedian: 6, serviceP90: 9, transferred: 1 },
      { hour: 10, serviceMedian: 12, serviceP90: 12, transferred: 0 },
    ]);
    expect(result.kiosk).toEqual([
      { use: 'ticket', service: 'A', count: 3 },
      { use: 'ticket', service: 'B', count: 1 },
    ]);
  });

  it('a day across the reset hour: tickets after midnight and before 04:00 count for the day before, at their local hour', async () => {
    const { desk, figures } = await setUp();
    expect(await desk.issue('2026-11-26 23:50', 'A')).toMatchObject({ label: 'A001', businessDay: '2026-11-26' });
    await desk.act('2026-11-27 00:20', 1, { action: 'call-next' });
    await desk.act('2026-11-27 00:25', 1, { action: 'finish' });
    expect(await desk.issue('2026-11-27 02:30', 'B')).toMatchObject({ label: 'B001', businessDay: '2026-11-26' });
    await desk.act('2026-11-27 03:00', 1, { action: 'call-next' });
    await desk.act('2026-11-27 03:10', 1, { action: 'finish' });
    expect(await desk.issue('2026-11-27 04:30', 'A')).toMatchObject({ label: 'A001', businessDay: '2026-11-27' });

    const before = await figures('2026-11-26');
    expect(before.total).toMatchObject({ arrivals: 2, served: 2, waitMedian: 30, waitP90: 30, serviceMedian: 5, serviceP90: 10 });
    expect(before.days.map(({ day, arrivals }) => ({ day, arrivals }))).toEqual([{ day: '2026-11-26', arrivals: 2 }]);
    expect(before.hours.map(({ hour, arrivals, finished }) => ({ hour, arrivals, finished }))).toEqual([
      { hour: 0, arrivals: 0, finished: 1 },
      { hour: 2, arrivals: 1, finished: 0 },
      { hour: 3, arrivals: 0, finished: 1 },
      { hour: 23, arrivals: 1, finished: 0 },
    ]);
    // B waited 30 min against its 10 min target, A 30 min against 15.
    expect(before.total.serviceLevel).toBe(0);
    // 00:20 → 03:10 at window 1, busy 5 + 10 min.
    expect(before.windows[0]).toMatchObject({ window: 1, busyMinutes: 15, availableMinutes: 170, utilisation: 8.8 });
    expect((await figures('2026-11-27')).total).toMatchObject({ arrivals: 1, waiting: 1, served: 0 });
    const both = await figures('2026-11-26', '2026-11-27');
    expect(both.days.map(({ day, arrivals }) => ({ day, arrivals }))).toEqual([
      { day: '2026-11-26', arrivals: 2 },
      { day: '2026-11-27', arrivals: 1 },
    ]);
  });

  it('appointments: punctuality of those who came, no-show rate of those booked; kiosk use by kind', async () => {
    const { hall, desk, figures } = await setUp();
    const day = '2026-11-28';
    await desk.issue(`${day} 09:55`, 'A', 'K-01', `${day} 10:00`);
    await desk.issue(`${day} 10:07`, 'A', 'K-01', `${day} 10:00`);
    await desk.issue(`${day} 11:13`, 'B', 'K-01', `${day} 11:00`);
    await desk.issue(`${day} 11:20`, 'B', 'C-1');
    const booked = shanghai(`2026-11-27 10:00`).toISOString();
    const rows: [string, string, string][] = [
      ['A', 'checked_in', 'K-01'],
      ['A', 'checked_in', 'K-01'],
      ['A', 'no_show', 'K-01'],
      ['B', 'checked_in', 'C-1'],
      ['B', 'cancelled', 'K-01'],
    ];
    for (const [index, [service, status, by]] of rows.entries()) {
      await hall.db.run(
        'INSERT INTO appointment (code, service, day, slot_time, starts_at, id_number, phone, status, booked_by, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
          `AP${index}`,
          service,
          day,
          '10:00',
          shanghai(`${day} 10:00`).toISOString(),
          '110101199001010011',
          '13800000000',
          status,
          by,
          booked,
        ],
      );
    }
    await hall.db.run('INSERT INTO certificate (code, type, issued_at, terminal_id, content, signature) VALUES (?, ?, ?, ?, ?, ?)', [
      'CERT1',
      'residence',
      shanghai(`${day} 10:00`).toISOString(),
      'K-01',
      '{}',
      'sig',
    ]);
    await hall.db.run(
      'INSERT INTO service_request (reference, kind, department, id_number, name, details, status, terminal_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ['R1', 'mail', 'post', '110101199001010011', '张三', '{}', 'received', 'K-01', shanghai(`${day} 10:30`).toISOString()],
    );

    const result = await figures(day);
    expect(result.appointments).toEqual([
      { service: 'A', booked: 3, checkedIn: 2, noShows: 1, cancelled: 0, noShowRate: 33.3, onTime: 1, late: 1, averageLateMinutes: 7 },
      { service: 'B', booked: 2, checkedIn: 1, noShows: 0, cancelled: 1, noShowRate: 0, onTime: 0, late: 1, averageLateMinutes: 13 },
    ]);
    expect(result.kiosk).toEqual([
      { use: 'ticket', service: 'A', count: 2 },
      { use: 'ticket', service: 'B', count: 1 },
      { use: 'certificate', service: 'residence', count: 1 },
      { use: 'request', service: 'mail', count: 1 },
    ]);
    // Bookings the kiosk made the day before count on that day.
    expect((await figures('2026-11-27')).kiosk).toEqual([
      { use: 'booking', service: 'A', count: 3 },
      { use: 'booking', service: 'B', count: 1 },
    ]);
  });
});
