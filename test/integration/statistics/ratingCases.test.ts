import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounterAction } from '../../../main/contract/queue.js';
import { HallClient } from '../../../main/sync/hallClient.js';
import { ratingCaseSchema, type RatingCase } from '../../../upstream/evaluation/caseSchema.js';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import { addWorkingDays } from '../../../upstream/evaluation/workingDays.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('working days', () => {
  const noCalendar = { holidays: [], workingWeekends: [] };
  it('skip Saturdays and Sundays in the hall zone', () => {
    // Thursday 2026-11-26 10:00 Shanghai + 5 working days = Thursday 2026-12-03.
    expect(addWorkingDays(new Date('2026-11-26T02:00:00Z'), 5, 'Asia/Shanghai', noCalendar).toISOString()).toBe('2026-12-03T02:00:00.000Z');
    // Friday 23:30 Shanghai (15:30Z, still Friday) + 1 = Monday.
    expect(addWorkingDays(new Date('2026-11-27T15:30:00Z'), 1, 'Asia/Shanghai', noCalendar).toISOString()).toBe('2026-11-30T15:30:00.000Z');
  });

  it('skip the holidays of the calendar and count its make-up working weekends', () => {
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    const nationalDay = {
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workingWeekends: ['2026-09-20', '2026-10-10'],
    };
    // Wednesday 30 September 10:00 Shanghai + 1 = Thursday 8 October; + 3 = Saturday 10 October; + 5 = Tuesday 13 October.
    const from = new Date('2026-09-30T02:00:00Z');
    expect(addWorkingDays(from, 1, 'Asia/Shanghai', nationalDay).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    expect(addWorkingDays(from, 3, 'Asia/Shanghai', nationalDay).toISOString()).toBe('2026-10-10T02:00:00.000Z');
    expect(addWorkingDays(from, 5, 'Asia/Shanghai', nationalDay).toISOString()).toBe('2026-10-13T02:00:00.000Z');
    // A holiday is a local date: 23:30 Shanghai on 30 September is still a working evening; the next working day is 8 October.
    expect(addWorkingDays(new Date('2026-09-30T15:30:00Z'), 1, 'Asia/Shanghai', nationalDay).toISOString()).toBe(
      '2026-10-08T15:30:00.000Z',
    );
    // Sunday 20 September is worked: Friday 18 September + 1 = Sunday 20 September.
    expect(addWorkingDays(new Date('2026-09-18T02:00:00Z'), 1, 'Asia/Shanghai', nationalDay).toISOString()).toBe(
      '2026-09-20T02:00:00.000Z',
    );
  });
});

describe.each(hallBackends())('好差评 cases on %s', (backend) => {
  async function setUp() {
    const clock = { shift: 0 };
    const hall = await startLoopbackHall(backend, { now: () => Date.now() + clock.shift });
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const counter = new HallClient(await hall.enroll('C-03', { role: 'counter', window: 3 }));
    const act = (action: CounterAction) => counter.counter(3, action);
    const served = async (service = 'A') => {
      await kiosk.issueTicket({ id: ulid(), service, priority: null, appointmentAt: null });
      await act({ action: 'call-next' });
      return (await act({ action: 'finish' })).left!;
    };
    let seq = 0;
    const rate = (ticketId: string, score: number) =>
      counter.push([
        {
          id: ulid(),
          seq: ++seq,
          type: 'queue.ticket-rated',
          occurredAt: new Date().toISOString(),
          payload: { ticketId, score, reasons: ['slow'] },
        },
      ]);
    const staff = async (path: string, body?: unknown) => {
      const response = await fetch(`${hall.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { cookie: await hall.staffCookie(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    };
    const list = async () => ratingCaseSchema.array().parse((await staff('/dashboard/cases/list')).json);
    return { hall, clock, served, rate, staff, list };
  }

  it('a 差评 at the counter opens a case, worked verify → rectify → reply → review, each owned and due in 5 working days', async () => {
    const { served, rate, staff, list } = await setUp();
    const good = await served('A');
    const bad = await served('B');
    expect((await rate(good.id, 4)).acknowledged).toHaveLength(1);
    expect((await rate(bad.id, 1)).acknowledged).toHaveLength(1);
    const [opened, ...others] = await list();
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      ticketLabel: bad.label,
      service: 'B',
      window: 3,
      score: 1,
      reasons: ['slow'],
      step: 'verify',
      owner: null,
    });
    // Counted by the hall's calendar (hall-config/queue.json), which the loopback hall serves.
    expect(opened!.dueAt).toBe(
      addWorkingDays(new Date(opened!.openedAt), 5, 'Asia/Shanghai', (await readHallQueue()).calendar).toISOString(),
    );

    const complete = (step: string, note: string, nextOwner?: string) =>
      staff(`/dashboard/cases/${opened!.id}/complete`, { step, note, ...(nextOwner ? { nextOwner } : {}) });
    expect((await complete('rectify', 'too early')).status).toBe(409);
    expect((await complete('verify', '')).json).toMatchObject({ error: { message: expect.stringMatching(/note/) } });
    let current = (await complete('verify', '调取录像，确认等候过久', 'window-lead')).json as RatingCase;
    expect(current).toMatchObject({ step: 'rectify', owner: 'window-lead' });
    current = (await complete('rectify', '增开窗口')).json as RatingCase;
    expect(current).toMatchObject({ step: 'reply', owner: 'window-lead' });
    expect((await complete('reply', '已电话回访群众')).json).toMatchObject({ step: 'review' });
    current = (await complete('review', '复核通过')).json as RatingCase;
    expect(current).toMatchObject({ step: 'closed', closedAt: expect.any(String), overdue: false });
    expect(current.history.map(({ step, owner, doneBy, note }) => ({ step, owner, doneBy, note }))).toEqual([
      { step: 'verify', owner: null, doneBy: 'test-staff', note: '调取录像，确认等候过久' },
      { step: 'rectify', owner: 'window-lead', doneBy: 'test-staff', note: '增开窗口' },
      { step: 'reply', owner: 'window-lead', doneBy: 'test-staff', note: '已电话回访群众' },
      { step: 'review', owner: 'window-lead', doneBy: 'test-staff', note: '复核通过' },
    ]);
    expect((await complete('review', 'again')).status).toBe(409);
  });

  it('lists overdue cases first; a citizen who did not rate rates later from the ticket page, once', async () => {
    const { hall, clock, served, rate, list } = await setUp();
    const first = await served('A');
    await rate(first.id, 2);
    const second = await served('A');
    await rate(second.id, 5);
    const unrated = await served('B');
    // Signed terminal requests carry the real time; the citizen's page does not: the later rating comes 3 days on.
    clock.shift = 3 * 86_400_000;

    const follow = await (await fetch(`${hall.url}/t/${unrated.id}`)).text();
    expect(follow).toContain(`/t/${unrated.id}/rate`);
    expect(await (await fetch(`${hall.url}/t/${unrated.id}/rate`)).text()).toContain('请对本次服务进行评价');
    const later = (score: number) =>
      fetch(`${hall.url}/t/${unrated.id}/rate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ score, reasons: [] }),
      });
    expect((await later(7)).status).toBe(400);
    expect((await later(1)).status).toBe(200);
    expect((await later(5)).status).toBe(409);
    expect(await (await fetch(`${hall.url}/t/${unrated.id}`)).text()).not.toContain('/rate');

    // Eight days on, the first case (due after 5 working days) is overdue, the later one not yet.
    clock.shift = 8 * 86_400_000;
    const cases = await list();
    expect(cases.map((item) => [item.ticketLabel, item.overdue])).toEqual([
      [first.label, true],
      [unrated.label, false],
    ]);
    const page = await fetch(`${hall.url}/dashboard/cases`, { headers: { cookie: await hall.staffCookie() } });
    expect(await page.text()).toMatch(new RegExp(`${first.label}[\\s\\S]*逾期[\\s\\S]*${unrated.label}`));
  });
});
