import { describe, expect, it } from 'vitest';
import { checkInOpen, type Appointment } from '../../main/contract/appointments.js';
import { businessDay } from '../../main/contract/businessDay.js';

const appointment = (startsAt: string, status: Appointment['status'] = 'booked'): Appointment => ({
  code: 'ABCD-EFGH',
  service: 'real-estate',
  day: '2026-11-30',
  time: '00:10',
  startsAt,
  status,
  maskedPhone: '138****8000',
  ticketLabel: null,
});
const rule = { earlyMinutes: 30, lateMinutes: 15 };

describe("check-in opens by the hall clock, not by the screen's date", () => {
  // 00:10 in Shanghai on 30 Nov is 16:10 UTC on 29 Nov: a screen in UTC calls that "tomorrow's" date "today" wrongly either way.
  const startsAt = '2026-11-29T16:10:00.000Z';

  it('is open from earlyMinutes before to lateMinutes after, for a booked appointment only', () => {
    expect(checkInOpen(appointment(startsAt), rule, Date.parse('2026-11-29T15:39:59Z'))).toBe(false);
    expect(checkInOpen(appointment(startsAt), rule, Date.parse('2026-11-29T15:40:00Z'))).toBe(true);
    expect(checkInOpen(appointment(startsAt), rule, Date.parse('2026-11-29T16:25:00Z'))).toBe(true);
    expect(checkInOpen(appointment(startsAt), rule, Date.parse('2026-11-29T16:25:01Z'))).toBe(false);
    expect(checkInOpen(appointment(startsAt, 'checked_in'), rule, Date.parse('2026-11-29T16:00:00Z'))).toBe(false);
  });

  it("the hall's day turns at its reset hour in its own zone, not at the machine's midnight", () => {
    expect(businessDay(new Date('2026-11-29T16:05:00Z'), 3, 'Asia/Shanghai')).toBe('2026-11-29');
    expect(businessDay(new Date('2026-11-29T19:05:00Z'), 3, 'Asia/Shanghai')).toBe('2026-11-30');
  });
});
