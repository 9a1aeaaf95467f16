import { ulid } from 'ulid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import type { HallQueue } from '../../../main/contract/hallQueue.js';
import { queueStatisticsSchema, type CounterAction } from '../../../main/contract/queue.js';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { hallBackends, startLoopbackHall, type LoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The demo hall's queue with `windows` counters serving every service. */
async function hallWithWindows(windows: number): Promise<HallQueue> {
  const queue = await readHallQueue();
  return { ...queue, windows: Array.from({ length: windows }, (_, index) => ({ window: index + 1, services: ['A', 'B', 'C', 'D'] })) };
}

const issue = (client: HallClient, service = 'A', priority: 'senior' | 'disability' | null = null, appointmentAt: string | null = null) =>
  client.issueTicket({ id: ulid(), service, priority, appointmentAt });

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof HallRequestError) return error.code;
    throw error;
  }
}

/** A counter terminal per window, enrolled when first needed: a counter may act on its own window only. */
function countersOf(hall: LoopbackHall) {
  const clients = new Map<number, Promise<HallClient>>();
  const at = (window: number) => {
    if (!clients.has(window))
      clients.set(
        window,
        hall.enroll(`C-${window}`, { role: 'counter', window }).then((identity) => new HallClient(identity)),
      );
    return clients.get(window)!;
  };
  return {
    counter: async (window: number, act: CounterAction) => (await at(window)).counter(window, act),
    /** Pushes as the counter of window 3 (ratings come from a counter's second screen). */
    push: async (events: Parameters<HallClient['push']>[0]) => (await at(3)).push(events),
  };
}

describe.each(hallBackends())('the hall queue on %s', (backend) => {
  async function setUp(queue?: HallQueue): Promise<{ hall: LoopbackHall; kiosks: HallClient[]; counter: ReturnType<typeof countersOf> }> {
    const hall = await startLoopbackHall(backend, queue ? { queue } : {});
    cleanups.push(() => hall.close());
    const kiosks = await Promise.all(
      ['K-01', 'K-02', 'K-03', 'K-04'].map(async (id) => new HallClient(await hall.enroll(id, { role: 'kiosk' }))),
    );
    return { hall, kiosks, counter: countersOf(hall) };
  }

  it('never issues a number twice when kiosks take tickets at once', async () => {
    const { kiosks } = await setUp();
    const issued = await Promise.all(Array.from({ length: 60 }, (_, index) => issue(kiosks[index % kiosks.length]!)));
    const labels = issued.map((ticket) => ticket.ticket.label).sort();
    expect(labels).toEqual(Array.from({ length: 60 }, (_, index) => `A${String(index + 1).padStart(3, '0')}`));
  });

  it('a retried request gets the same ticket, not a second one', async () => {
    const { kiosks } = await setUp();
    const request = { id: ulid(), service: 'B', priority: null, appointmentAt: null };
    const first = await kiosks[0]!.issueTicket(request);
    const again = await kiosks[0]!.issueTicket(request);
    expect(again.ticket).toEqual(first.ticket);
    expect((await issue(kiosks[0]!, 'B')).ticket.label).toBe('B002');
  });

  it('20 counters calling at once each get a different ticket, and every ticket is called once', async () => {
    const { kiosks, counter } = await setUp(await hallWithWindows(20));
    const tickets = await Promise.all(Array.from({ length: 30 }, (_, index) => issue(kiosks[index % kiosks.length]!, 'ABCD'[index % 4]!)));
    const round = () => Promise.all(Array.from({ length: 20 }, (_, index) => counter.counter(index + 1, { action: 'call-next' })));
    const first = await round();
    const second = await round();
    const calledFirst = first.map((result) => result.current!.id);
    expect(new Set(calledFirst).size).toBe(20);
    const calledSecond = second.flatMap((result) => (result.current ? [result.current.id] : []));
    expect(calledSecond).toHaveLength(10);
    expect(new Set([...calledFirst, ...calledSecond])).toEqual(new Set(tickets.map((ticket) => ticket.ticket.id)));
    // The second round's call finished each window's first ticket.
    expect(second.every((result) => result.left?.status === 'finished')).toBe(true);
  });

  it('calls appointments at their time first, then priority, then by arrival; peopleAhead counts the same way', async () => {
    const { kiosks, counter } = await setUp();
    const plain = await issue(kiosks[0]!);
    const senior = await issue(kiosks[1]!, 'A', 'senior');
    const dueAppointment = await issue(kiosks[2]!, 'A', null, new Date(Date.now() - 60_000).toISOString());
    const laterAppointment = await issue(kiosks[2]!, 'A', null, new Date(Date.now() + 3_600_000).toISOString());
    expect(senior.peopleAhead).toBe(0);
    expect(dueAppointment.peopleAhead).toBe(0);
    const order: string[] = [];
    for (let index = 0; index < 4; index += 1) order.push((await counter.counter(3, { action: 'call-next' })).current!.id);
    expect(order).toEqual([dueAppointment.ticket.id, senior.ticket.id, laterAppointment.ticket.id, plain.ticket.id]);
  });

  it("estimates the wait from the service's usual minutes, then from the day's served times once three are served", async () => {
    // A virtual clock for the hall and the terminals' signatures alike, so served times are what the test says.
    const clock = { ms: Date.parse('2026-03-02T01:00:00Z') };
    const hall = await startLoopbackHall(backend, { queue: await hallWithWindows(1), now: () => clock.ms });
    cleanups.push(() => hall.close());
    const signing = vi.spyOn(Date, 'now').mockImplementation(() => clock.ms);
    cleanups.push(async () => signing.mockRestore());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const counter = countersOf(hall);
    const take = async () => {
      clock.ms += 1000;
      return issue(kiosk, 'A');
    };
    const first = [await take(), await take(), await take()];
    // Service A's usual 6 minutes: two ahead, one window open.
    expect(first[2]!.estimatedWaitMinutes).toBe(12);
    await take();
    await take();
    await take();
    // Served for 2 min, 4 min, and 6 min 30.5 s: a mean of 4.169 minutes.
    for (const servedMs of [0, 120_000, 240_000, 390_500]) {
      clock.ms += servedMs;
      await counter.counter(1, { action: 'call-next' });
    }
    const next = await take();
    expect(next.peopleAhead).toBe(2);
    // ⌈2 × 4.169⌉
    expect(next.estimatedWaitMinutes).toBe(9);
  });

  it('serves only the services of a window, and refuses what a clerk may not do yet', async () => {
    const { kiosks, counter } = await setUp();
    await issue(kiosks[0]!, 'D');
    expect((await counter.counter(4, { action: 'call-next' })).current).toBeNull();
    const called = await counter.counter(5, { action: 'call-next' });
    expect(called.current?.label).toBe('D001');
    expect(await refusal(counter.counter(5, { action: 'skip' }))).toBe('recall_first');
    expect(await refusal(counter.counter(5, { action: 'pause', reason: 'meal' }))).toBe('finish_first');
    await counter.counter(5, { action: 'recall' });
    const recalled = await counter.counter(5, { action: 'recall' });
    expect(recalled.current?.recalls).toBe(2);
    const skipped = await counter.counter(5, { action: 'skip' });
    expect(skipped.left?.status).toBe('no_show');
    expect(skipped.current).toBeNull();
    await counter.counter(5, { action: 'pause', reason: 'meal' });
    expect(await refusal(counter.counter(5, { action: 'call-next' }))).toBe('window_paused');
    expect((await counter.counter(5, { action: 'resume' })).window.pausedReason).toBeNull();
    expect(await refusal(counter.counter(77, { action: 'call-next' }))).toBe('unknown_window');
    expect(await refusal(issue(kiosks[0]!, 'Z'))).toBe('unknown_service');
  });

  it('a transferred ticket waits for its new service or window, ahead of arrivals', async () => {
    const { kiosks, counter } = await setUp();
    await issue(kiosks[0]!, 'A');
    await issue(kiosks[0]!, 'C');
    const first = await counter.counter(1, { action: 'call-next' });
    const moved = await counter.counter(1, { action: 'transfer', to: { service: 'C' } });
    expect(moved.left).toMatchObject({ status: 'waiting', service: 'C', priority: 'transfer' });
    expect((await counter.counter(4, { action: 'call-next' })).current?.id).toBe(first.current!.id);
    await issue(kiosks[0]!, 'A');
    const again = await counter.counter(1, { action: 'call-next' });
    await counter.counter(1, { action: 'transfer', to: { window: 6 } });
    expect((await counter.counter(2, { action: 'call-next' })).current).toBeNull();
    expect((await counter.counter(6, { action: 'call-next' })).current?.id).toBe(again.current!.id);
  });

  it('leases disjoint offline blocks and accepts offline tickets from them only, with ratings, into the statistics', async () => {
    const { hall, kiosks, counter } = await setUp();
    const [a, b] = [await kiosks[0]!.leaseBlock('A', 20), await kiosks[1]!.leaseBlock('A', 20)];
    expect([a.first, a.last, b.first, b.last]).toEqual([800, 819, 820, 839]);
    const offline = (number: number) => ({
      id: ulid(),
      seq: 1,
      type: 'queue.ticket-issued',
      occurredAt: new Date().toISOString(),
      payload: {
        id: ulid(),
        service: 'A',
        priority: null,
        appointmentAt: null,
        businessDay: a.businessDay,
        number,
        issuedAt: new Date(Date.now() - 120_000).toISOString(),
      },
    });
    const good = offline(800);
    const pushed = await kiosks[0]!.push([good, { ...offline(820), seq: 2 }]);
    expect(pushed.acknowledged).toEqual([good.id]);
    expect(pushed.rejected[0]!.reason).toMatch(/A820 .* not in a block leased to K-01/);
    const called = await counter.counter(3, { action: 'call-next' });
    expect(called.current).toMatchObject({ label: 'A800', offline: true });
    const finished = await counter.counter(3, { action: 'finish' });
    const rated = await counter.push([
      {
        id: ulid(),
        seq: 1,
        type: 'queue.ticket-rated',
        occurredAt: new Date().toISOString(),
        payload: { ticketId: finished.left!.id, score: 5, reasons: ['efficient'] },
      },
      {
        id: ulid(),
        seq: 2,
        type: 'queue.ticket-rated',
        occurredAt: new Date().toISOString(),
        payload: { ticketId: finished.left!.id, score: 9, reasons: [] },
      },
    ]);
    expect(rated.acknowledged).toHaveLength(1);
    expect(rated.rejected[0]!.reason).toMatch(/^payload\.score: /);

    const cookie = await hall.staffCookie();
    const statistics = queueStatisticsSchema.parse(
      await fetch(`${hall.url}/dashboard/statistics`, { headers: { cookie } }).then((response) => response.json()),
    );
    expect(statistics.services[0]).toMatchObject({ service: 'A', served: 1, noShows: 0, ratings: 1, averageScore: 5 });
    expect(statistics.services[0]!.averageWaitMinutes).toBeGreaterThanOrEqual(2);
    expect(statistics.windows.find((row) => row.window === 3)).toMatchObject({ served: 1, averageScore: 5 });
    expect((await fetch(`${hall.url}/dashboard/statistics`)).status).toBe(401);
    expect((await fetch(`${hall.url}/dashboard/statistics`, { headers: { cookie: 'ow_staff=forged' } })).status).toBe(401);
    const dashboard = await fetch(`${hall.url}/dashboard`, { headers: { cookie } });
    expect(await dashboard.text()).toContain('大厅统计');
    const follow = await fetch(`${hall.url}/t/${finished.left!.id}`).then((response) => response.text());
    expect(follow).toContain('A800');
    expect(follow).toContain('已办结');
  });

  it('refuses bad requests with the field at fault, and writes nothing', async () => {
    const { hall, kiosks } = await setUp();
    const error = await kiosks[0]!
      .issueTicket({ id: 'nope', service: 'a', priority: null, appointmentAt: null } as never)
      .catch((failure: unknown) => failure as HallRequestError);
    expect(error).toBeInstanceOf(HallRequestError);
    expect((error as HallRequestError).status).toBe(400);
    expect((error as HallRequestError).message).toMatch(/id: expected a ULID; service: expected one capital letter/);
    expect(await hall.db.get<{ count: number }>('SELECT COUNT(*) AS count FROM queue_ticket')).toEqual({ count: 0 });
  });
});
