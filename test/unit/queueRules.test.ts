import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDay, hallDateAfter, zonedInstant } from '../../main/contract/businessDay.js';
import { ageOn, maskName } from '../../main/contract/identity.js';
import type { QueueTicket } from '../../main/contract/queue.js';
import {
  compareQueueOrder,
  estimatedWaitMinutes,
  peopleAhead,
  queueRank,
  ticketLabel,
  waitingFor,
} from '../../main/contract/queueOrder.js';
import { ledText } from '../../main/services/queue/counterWindow.js';
import { hallBoard } from '../../main/services/queue/queueViews.js';
import { queueStatistics } from '../../upstream/queue/queueStatistics.js';

const now = new Date('2026-11-25T02:00:00.000Z');
let serial = 0;
function ticket(change: Partial<QueueTicket> = {}): QueueTicket {
  serial += 1;
  return {
    id: `01J${String(serial).padStart(23, '0')}`,
    businessDay: '2026-11-25',
    label: ticketLabel(change.service ?? 'A', serial),
    service: 'A',
    status: 'waiting',
    priority: null,
    appointmentAt: null,
    issuedAt: new Date(now.getTime() - 3_600_000 + serial * 1000).toISOString(),
    offline: false,
    targetWindow: null,
    window: null,
    calledAt: null,
    recalls: 0,
    finishedAt: null,
    ...change,
  };
}

const ticketArbitrary = fc
  .record({
    priority: fc.constantFrom(null, 'senior', 'disability', 'transfer'),
    appointmentOffsetMinutes: fc.option(fc.integer({ min: -120, max: 120 })),
    arrivalOffsetSeconds: fc.integer({ min: 0, max: 7200 }),
    service: fc.constantFrom('A', 'B'),
  })
  .map(({ priority, appointmentOffsetMinutes, arrivalOffsetSeconds, service }) =>
    ticket({
      service,
      priority: priority as QueueTicket['priority'],
      appointmentAt: appointmentOffsetMinutes === null ? null : new Date(now.getTime() + appointmentOffsetMinutes * 60_000).toISOString(),
      issuedAt: new Date(now.getTime() - arrivalOffsetSeconds * 1000).toISOString(),
    }),
  );

describe('queue order', () => {
  it('due appointments first (by their time), then priority, then arrival', () => {
    const plainEarly = ticket({ issuedAt: '2026-11-25T00:00:00.000Z' });
    const senior = ticket({ priority: 'senior' });
    const dueLate = ticket({ appointmentAt: '2026-11-25T01:50:00.000Z', issuedAt: '2026-11-25T00:01:00.000Z' });
    const dueEarly = ticket({ appointmentAt: '2026-11-25T01:30:00.000Z', issuedAt: '2026-11-25T01:20:00.000Z' });
    const notYet = ticket({ appointmentAt: '2026-11-25T03:00:00.000Z' });
    const order = waitingFor({ window: 1, services: ['A'] }, [plainEarly, senior, dueLate, dueEarly, notYet], now);
    expect(order.map((entry) => entry.id)).toEqual([dueEarly.id, dueLate.id, senior.id, notYet.id, plainEarly.id]);
  });

  it('is a total order that never ranks a later rank first, and peopleAhead agrees with it', () => {
    fc.assert(
      fc.property(fc.array(ticketArbitrary, { minLength: 1, maxLength: 30 }), (tickets) => {
        const sorted = [...tickets].sort((a, b) => compareQueueOrder(a, b, now));
        for (let index = 1; index < sorted.length; index += 1) {
          expect(queueRank(sorted[index - 1]!, now)).toBeLessThanOrEqual(queueRank(sorted[index]!, now));
          expect(compareQueueOrder(sorted[index]!, sorted[index - 1]!, now)).toBeGreaterThanOrEqual(0);
        }
        for (const entry of tickets) {
          const sameService = sorted.filter((other) => other.service === entry.service);
          expect(peopleAhead(entry, tickets, now)).toBe(sameService.findIndex((other) => other.id === entry.id));
        }
      }),
    );
  });

  it('a window calls only its services, and a ticket transferred to a window only there', () => {
    const b = ticket({ service: 'B' });
    const toWindow6 = ticket({ service: 'A', targetWindow: 6, priority: 'transfer' });
    expect(waitingFor({ window: 1, services: ['A'] }, [b, toWindow6], now)).toEqual([]);
    expect(waitingFor({ window: 6, services: ['D'] }, [b, toWindow6], now)).toEqual([toWindow6]);
  });

  it('estimates the wait from the people ahead, minutes per citizen and open windows', () => {
    expect(estimatedWaitMinutes(7, 6, 3)).toBe(14);
    expect(estimatedWaitMinutes(0, 6, 1)).toBe(0);
    expect(estimatedWaitMinutes(3, 6, 0)).toBeNull();
    expect(ticketLabel('C', 7)).toBe('C007');
    expect(ticketLabel('C', 1234)).toBe('C1234');
  });
});

describe('business day', () => {
  it('starts at the reset hour in the hall time zone', () => {
    // 2026-11-25 03:59 in Shanghai is still the 24th's business day with a 04:00 reset.
    expect(businessDay(new Date('2026-11-24T19:59:00Z'), 4, 'Asia/Shanghai')).toBe('2026-11-24');
    expect(businessDay(new Date('2026-11-24T20:00:00Z'), 4, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(businessDay(new Date('2026-11-24T16:00:00Z'), 0, 'Asia/Shanghai')).toBe('2026-11-25');
    expect(businessDay(new Date('2026-03-01T02:00:00Z'), 4, 'UTC')).toBe('2026-02-28');
  });

  it('keeps wall-clock hours in a zone with summer time, on both change days', () => {
    // New York, 2026-03-08 (clocks forward at 02:00) and 2026-11-01 (back at 02:00); reset 03:00.
    expect(businessDay(new Date('2026-03-08T06:59:00Z'), 3, 'America/New_York')).toBe('2026-03-07');
    expect(businessDay(new Date('2026-03-08T07:00:00Z'), 3, 'America/New_York')).toBe('2026-03-08');
    expect(businessDay(new Date('2026-11-01T07:59:00Z'), 3, 'America/New_York')).toBe('2026-10-31');
    expect(businessDay(new Date('2026-11-01T08:00:00Z'), 3, 'America/New_York')).toBe('2026-11-01');
  });

  it('finds the instant of a local time in the hall zone, with or without summer time', () => {
    expect(zonedInstant('2026-11-25', '09:30', 'Asia/Shanghai')).toBe('2026-11-25T01:30:00.000Z');
    expect(zonedInstant('2026-07-01', '09:30', 'America/New_York')).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedInstant('2026-12-01', '09:30', 'America/New_York')).toBe('2026-12-01T14:30:00.000Z');
  });

  it("counts a paper's days of validity from the hall's date, not UTC's", () => {
    // 01:00 on 30 November in Shanghai is still the 29th in UTC.
    expect(hallDateAfter(new Date('2026-11-29T17:00:00Z'), 30, 'Asia/Shanghai')).toBe('2026-12-30');
    expect(hallDateAfter(new Date('2026-11-29T15:00:00Z'), 30, 'Asia/Shanghai')).toBe('2026-12-29');
  });
});

describe('citizen identity on screens', () => {
  it('masks names and computes age on a date', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('安娜')).toBe('安*');
    expect(ageOn('1949-12-31', '2026-11-25')).toBe(76);
    expect(ageOn('1966-11-25', '2026-11-25')).toBe(60);
    expect(ageOn('1966-11-26', '2026-11-25')).toBe(59);
    expect(ageOn('19661126', '2026-11-25')).toBeNull();
  });
});

describe('what screens and the LED show', () => {
  it('the board lists calls latest first, a recall as a new call', () => {
    const first = ticket({ status: 'called', window: 1, calledAt: '2026-11-25T01:00:00.000Z' });
    const second = ticket({ status: 'called', window: 2, calledAt: '2026-11-25T01:05:00.000Z' });
    const recalled = { ...first, calledAt: '2026-11-25T01:06:00.000Z', recalls: 1 };
    const board = (tickets: QueueTicket[]) =>
      hallBoard({ rules: null, services: [], windows: [], tickets, now }).calls.map((call) => [call.label, call.recalls]);
    expect(board([first, second])).toEqual([
      [second.label, 0],
      [first.label, 0],
    ]);
    expect(board([recalled, second])).toEqual([
      [first.label, 1],
      [second.label, 0],
    ]);
  });

  it('the LED says the call, a pause, or welcome', () => {
    const window = { window: 3, services: ['A'], pausedReason: null, currentTicketId: null };
    expect(ledText(3, { current: ticket({ label: 'A001' }), window })).toBe('请A001号到3号窗口');
    expect(ledText(3, { current: null, window: { ...window, pausedReason: 'meal' } })).toBe('3号窗口 暂停服务');
    expect(ledText(3, { current: null, window })).toBe('3号窗口 欢迎光临');
  });
});

describe('statistics', () => {
  it('wait, service time, served, no-shows and scores per service and window', () => {
    const served = (called: string, finished: string, score: number | null) => ({
      ...ticket({ status: 'finished', window: 3, issuedAt: '2026-11-25T01:00:00.000Z', calledAt: called, finishedAt: finished }),
      firstCalledAt: called,
      score,
    });
    const tickets = [
      served('2026-11-25T01:10:00.000Z', '2026-11-25T01:16:00.000Z', 5),
      served('2026-11-25T01:20:00.000Z', '2026-11-25T01:24:00.000Z', 3),
      { ...ticket({ status: 'no_show', window: 3 }), firstCalledAt: '2026-11-25T01:30:00.000Z', score: null },
      { ...ticket(), firstCalledAt: null, score: null },
    ];
    const statistics = queueStatistics('2026-11-25', tickets, ['A', 'B'], [3]);
    expect(statistics.services[0]).toMatchObject({
      service: 'A',
      served: 2,
      noShows: 1,
      waiting: 1,
      averageServiceMinutes: 5,
      ratings: 2,
      averageScore: 4,
    });
    expect(statistics.services[1]).toMatchObject({ service: 'B', served: 0, averageWaitMinutes: null });
    expect(statistics.windows).toEqual([
      { window: 3, served: 2, noShows: 1, averageWaitMinutes: expect.any(Number), averageServiceMinutes: 5, ratings: 2, averageScore: 4 },
    ]);
  });
});

describe('the hall queue file', () => {
  it('names what is wrong and where', async () => {
    const { parseDataText } = await import('../../kiosk-config/readDataFile.js');
    const { hallQueueSchema } = await import('../../main/contract/hallQueue.js');
    const { readHallQueue } = await import('../../hall-config/readHallQueue.js');
    const demo = await readHallQueue();
    const bad = {
      ...demo,
      services: [{ ...demo.services[0]!, offlineNumbers: { first: 700, last: 999 } }, demo.services[1]!],
      windows: [{ window: 1, services: ['A', 'Z'] }],
    };
    expect(() => parseDataText('hall-queue.json', JSON.stringify(bad), hallQueueSchema)).toThrow(
      /services\[0\]\.offlineNumbers: overlaps numbers[\s\S]*windows\[0\]\.services\[1\]: no service "Z" in services/,
    );
    const badCode = { ...demo, services: [{ ...demo.services[0]!, code: 'b' }] };
    expect(() => parseDataText('hall-queue.json', JSON.stringify(badCode), hallQueueSchema)).toThrow(
      /services\[0\]\.code: expected one capital letter \(the ticket prefix\), got "b"/,
    );
  });
});
