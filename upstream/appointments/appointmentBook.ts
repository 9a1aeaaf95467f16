import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import type { Queryable } from '../../lib/sqlite/database.js';
import { businessDay, zonedInstant } from '../../main/contract/businessDay.js';
import type { Appointment, AppointmentRefusal, AppointmentService, AppointmentsConfig, Slot } from '../../main/contract/appointments.js';
import type { CitizenIdentity } from '../../main/contract/citizenServices.js';
import type { IssuedTicket } from '../../main/contract/queue.js';
import type { QueueContext } from '../queue/queueContext.js';
import type { TicketIssuer } from '../queue/ticketIssuer.js';

export class AppointmentRefused extends Error {
  constructor(
    readonly code: AppointmentRefusal,
    message: string,
    readonly status = 409,
  ) {
    super(message);
    this.name = 'AppointmentRefused';
  }
}

interface AppointmentRow {
  code: string;
  service: AppointmentService;
  day: string;
  slot_time: string;
  starts_at: string;
  phone: string;
  status: Appointment['status'];
  ticket_label: string | null;
}

const columns = 'code, service, day, slot_time, starts_at, phone, status, ticket_label';
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

function shown(row: AppointmentRow): Appointment {
  return {
    code: row.code,
    service: row.service,
    day: row.day,
    time: row.slot_time,
    startsAt: row.starts_at,
    status: row.status,
    maskedPhone: `${row.phone.slice(0, 3)}****${row.phone.slice(-4)}`,
    ticketLabel: row.ticket_label,
  };
}

/**
 * The hall's appointment book. Taking a place is a conditional UPDATE of the
 * slot's count, so concurrent bookings never pass its capacity; cancelling
 * gives the place back. Checking in on the day, within the window, issues a
 * queue ticket that carries the appointment's time (called first at that time).
 */
export class AppointmentBook {
  constructor(
    private readonly queue: QueueContext,
    private readonly issuer: TicketIssuer,
    private readonly config: AppointmentsConfig,
  ) {}

  #service(id: AppointmentService) {
    return this.config.services.find((service) => service.id === id)!;
  }

  #startsAt(day: string, time: string): string {
    return zonedInstant(day, time, this.queue.config.timeZone);
  }

  /** Bookable slots from today for the service's days ahead, with places left; past slots are not offered. */
  async slots(id: AppointmentService): Promise<Slot[]> {
    const service = this.#service(id);
    const today = this.queue.today();
    const days = Array.from({ length: service.daysAhead + 1 }, (_, index) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10),
    );
    const rows = await this.queue.db.all<{ day: string; slot_time: string; booked: number }>(
      'SELECT day, slot_time, booked FROM appointment_slot WHERE service = ? AND day >= ?',
      [id, today],
    );
    const booked = new Map(rows.map((row) => [`${row.day} ${row.slot_time}`, row.booked]));
    const now = this.queue.now().getTime();
    return days.flatMap((day) =>
      service.slotTimes
        .map((time) => ({
          service: id,
          day,
          time,
          startsAt: this.#startsAt(day, time),
          left: service.capacity - (booked.get(`${day} ${time}`) ?? 0),
        }))
        .filter((slot) => Date.parse(slot.startsAt) > now),
    );
  }

  book(
    terminalId: string,
    id: AppointmentService,
    day: string,
    time: string,
    citizen: CitizenIdentity,
    phone: string,
  ): Promise<Appointment> {
    return this.queue.change(async (tx) => {
      const existing = await tx.get<{ code: string }>(
        "SELECT code FROM appointment WHERE id_number = ? AND service = ? AND day = ? AND status = 'booked'",
        [citizen.idNumber, id, day],
      );
      if (existing) throw new AppointmentRefused('already_booked', `this citizen already has appointment ${existing.code} for that day`);
      await this.#take(tx, id, day, time);
      const code = Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)])
        .join('')
        .replace(/^(.{4})/, '$1-');
      await tx.run(
        `INSERT INTO appointment (code, service, day, slot_time, starts_at, id_number, phone, status, booked_by, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)`,
        [code, id, day, time, this.#startsAt(day, time), citizen.idNumber, phone, terminalId, this.queue.now().toISOString()],
      );
      return shown((await tx.get<AppointmentRow>(`SELECT ${columns} FROM appointment WHERE code = ?`, [code]))!);
    });
  }

  cancel(code: string, citizen: CitizenIdentity): Promise<Appointment> {
    return this.queue.change(async (tx) => {
      const row = await this.#own(tx, code, citizen);
      await tx.run("UPDATE appointment SET status = 'cancelled' WHERE code = ?", [code]);
      await tx.run('UPDATE appointment_slot SET booked = booked - 1 WHERE service = ? AND day = ? AND slot_time = ?', [
        row.service,
        row.day,
        row.slot_time,
      ]);
      return { ...shown(row), status: 'cancelled' };
    });
  }

  reschedule(code: string, citizen: CitizenIdentity, day: string, time: string): Promise<Appointment> {
    return this.queue.change(async (tx) => {
      const row = await this.#own(tx, code, citizen);
      await this.#take(tx, row.service, day, time);
      await tx.run('UPDATE appointment_slot SET booked = booked - 1 WHERE service = ? AND day = ? AND slot_time = ?', [
        row.service,
        row.day,
        row.slot_time,
      ]);
      await tx.run('UPDATE appointment SET day = ?, slot_time = ?, starts_at = ? WHERE code = ?', [
        day,
        time,
        this.#startsAt(day, time),
        code,
      ]);
      return shown((await tx.get<AppointmentRow>(`SELECT ${columns} FROM appointment WHERE code = ?`, [code]))!);
    });
  }

  /** The citizen's appointments from today on (and today's whatever their state); no-shows are recorded first. */
  async mine(citizen: CitizenIdentity): Promise<Appointment[]> {
    await this.recordNoShows();
    const rows = await this.queue.db.all<AppointmentRow>(
      `SELECT ${columns} FROM appointment WHERE id_number = ? AND day >= ? ORDER BY starts_at`,
      [citizen.idNumber, this.queue.today()],
    );
    return rows.map(shown);
  }

  /** On the day, from `earlyMinutes` before to `lateMinutes` after its time: a ticket that is called at the appointment's time. */
  async checkIn(terminalId: string, code: string, citizen: CitizenIdentity): Promise<{ appointment: Appointment; issued: IssuedTicket }> {
    await this.recordNoShows();
    const row = await this.#own(this.queue.db, code, citizen);
    const now = this.queue.now().getTime();
    const starts = Date.parse(row.starts_at);
    const { earlyMinutes, lateMinutes } = this.config.checkIn;
    if (now < starts - earlyMinutes * 60_000)
      throw new AppointmentRefused('too_early', `check-in for ${code} opens ${earlyMinutes} minutes before ${row.slot_time} on ${row.day}`);
    if (now > starts + lateMinutes * 60_000)
      throw new AppointmentRefused('too_late', `check-in for ${code} closed ${lateMinutes} minutes after ${row.slot_time}`);
    const issued = await this.issuer.issue(terminalId, {
      id: ulid(),
      service: this.#service(row.service).queueService,
      priority: null,
      appointmentAt: row.starts_at,
    });
    await this.queue.db.run("UPDATE appointment SET status = 'checked_in', ticket_label = ? WHERE code = ? AND status = 'booked'", [
      issued.ticket.label,
      code,
    ]);
    return { appointment: { ...shown(row), status: 'checked_in', ticketLabel: issued.ticket.label }, issued };
  }

  /** Booked appointments whose check-in window has closed become no-shows (kept for the statistics). */
  async recordNoShows(): Promise<number> {
    const cutoff = new Date(this.queue.now().getTime() - this.config.checkIn.lateMinutes * 60_000).toISOString();
    return (await this.queue.db.run("UPDATE appointment SET status = 'no_show' WHERE status = 'booked' AND starts_at < ?", [cutoff]))
      .changes;
  }

  async #take(tx: Queryable, id: AppointmentService, day: string, time: string): Promise<void> {
    const service = this.#service(id);
    if (!service.slotTimes.includes(time) || businessDay(new Date(this.#startsAt(day, time)), 0, this.queue.config.timeZone) !== day) {
      throw new AppointmentRefused('no_such_slot', `${id} has no slot at ${time}`, 400);
    }
    if (Date.parse(this.#startsAt(day, time)) <= this.queue.now().getTime())
      throw new AppointmentRefused('no_such_slot', `the ${time} slot on ${day} has passed`, 400);
    await tx.run(
      'INSERT INTO appointment_slot (service, day, slot_time, booked) VALUES (?, ?, ?, 0) ON CONFLICT (service, day, slot_time) DO NOTHING',
      [id, day, time],
    );
    const taken = await tx.run(
      'UPDATE appointment_slot SET booked = booked + 1 WHERE service = ? AND day = ? AND slot_time = ? AND booked < ?',
      [id, day, time, service.capacity],
    );
    if (taken.changes !== 1) throw new AppointmentRefused('slot_full', `the ${time} slot on ${day} is full (${service.capacity} places)`);
  }

  async #own(db: Queryable, code: string, citizen: CitizenIdentity): Promise<AppointmentRow & { id_number?: string }> {
    const row = await db.get<AppointmentRow & { id_number: string }>(`SELECT ${columns}, id_number FROM appointment WHERE code = ?`, [
      code,
    ]);
    if (!row || row.id_number !== citizen.idNumber)
      throw new AppointmentRefused('unknown_appointment', `no appointment ${code} for this citizen`, 404);
    if (row.status !== 'booked') throw new AppointmentRefused('not_booked', `appointment ${code} is ${row.status}`);
    return row;
  }
}
