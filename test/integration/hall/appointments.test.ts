import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { HallClient, HallRequestError } from '../../../main/sync/hallClient.js';
import { appointmentsSoon, shanghaiTime } from '../../support/appointmentsSoon.js';
import { hallBackends, startLoopbackHall } from '../../support/hallOnLoopback.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const citizen = (index: number) => ({ idNumber: `1101051990010${String(index).padStart(4, '0')}X`.slice(0, 18), name: `示例${index}` });

async function refusal(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof HallRequestError) return error.code;
    throw error;
  }
}

describe.each(hallBackends())('appointments at the hall on %s', (backend) => {
  async function setUp(minutesUntilSlot = 10) {
    const hall = await startLoopbackHall(backend, { appointments: await appointmentsSoon(minutesUntilSlot) });
    cleanups.push(() => hall.close());
    const kiosk = new HallClient(await hall.enroll('K-01', { role: 'kiosk' }));
    const slots = await kiosk.slots('real-estate');
    return { hall, kiosk, slot: slots[0]! };
  }

  it('never overbooks: ten citizens booking the last places at once, three get them', async () => {
    const { kiosk, slot } = await setUp();
    expect(slot.left).toBe(3);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        refusal(kiosk.book({ citizen: citizen(index), service: 'real-estate', day: slot.day, time: slot.time, phone: '13800138000' })),
      ),
    );
    expect(results.filter((result) => result === null)).toHaveLength(3);
    expect(results.filter((result) => result === 'slot_full')).toHaveLength(7);
    expect((await kiosk.slots('real-estate'))[0]!.left).toBe(0);
  });

  it('book, see, reschedule, cancel (the place comes back); one booking per service and day', async () => {
    const { kiosk, slot } = await setUp();
    const booked = await kiosk.book({ citizen: citizen(1), service: 'real-estate', day: slot.day, time: slot.time, phone: '13800138000' });
    expect(booked).toMatchObject({ status: 'booked', maskedPhone: '138****8000', time: slot.time });
    expect(
      await refusal(kiosk.book({ citizen: citizen(1), service: 'real-estate', day: slot.day, time: slot.time, phone: '13800138000' })),
    ).toBe('already_booked');
    const later = shanghaiTime(100) > slot.time ? (await kiosk.slots('real-estate'))[1]! : slot;
    const moved = await kiosk.reschedule({ citizen: citizen(1), code: booked.code, day: later.day, time: later.time });
    expect(moved.time).toBe(later.time);
    expect((await kiosk.myAppointments(citizen(1))).map((appointment) => appointment.code)).toEqual([booked.code]);
    expect(await refusal(kiosk.cancelAppointment({ citizen: citizen(2), code: booked.code }))).toBe('unknown_appointment');
    await kiosk.cancelAppointment({ citizen: citizen(1), code: booked.code });
    expect((await kiosk.slots('real-estate')).every((free) => free.left === 3)).toBe(true);
    expect(
      await refusal(kiosk.book({ citizen: citizen(3), service: 'real-estate', day: slot.day, time: '03:07', phone: '13800138000' })),
    ).toBe('no_such_slot');
  });

  it('check-in on the day gives a ticket that goes before walk-ins; too early is refused', async () => {
    const { kiosk, slot, hall } = await setUp(10);
    const walkIn = await kiosk.issueTicket({ id: ulid(), service: 'C', priority: null, appointmentAt: null });
    const booked = await kiosk.book({ citizen: citizen(1), service: 'real-estate', day: slot.day, time: slot.time, phone: '13800138000' });
    const checkedIn = await kiosk.checkIn({ citizen: citizen(1), code: booked.code });
    expect(checkedIn.appointment).toMatchObject({ status: 'checked_in', ticketLabel: checkedIn.issued.ticket.label });
    expect(checkedIn.issued.ticket.appointmentAt).toBe(slot.startsAt);
    expect(await refusal(kiosk.checkIn({ citizen: citizen(1), code: booked.code }))).toBe('not_booked');
    const counter = new HallClient(await hall.enroll('C-04', { role: 'counter', window: 4 }));
    expect((await counter.counter(4, { action: 'call-next' })).current?.label).toBe(checkedIn.issued.ticket.label);
    expect((await counter.counter(4, { action: 'call-next' })).current?.label).toBe(walkIn.ticket.label);

    const later = (await kiosk.slots('real-estate')).find((free) => free.time !== slot.time)!;
    const early = await kiosk.book({ citizen: citizen(2), service: 'real-estate', day: later.day, time: later.time, phone: '13900139000' });
    expect(await refusal(kiosk.checkIn({ citizen: citizen(2), code: early.code }))).toBe('too_early');
  });
});
