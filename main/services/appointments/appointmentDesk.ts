import { resultReceiptJob } from '../receipts/resultReceipt.js';
import {
  checkInOpen,
  type Appointment,
  type AppointmentService,
  type AppointmentsConfig,
  type MyAppointment,
  type Slot,
} from '../../contract/appointments.js';
import { ServiceError } from '../../contract/errors.js';
import type { TakenTicket } from '../../contract/queue.js';
import { printReceipt, type ReceiptPrinting } from '../receipts/receiptPrinting.js';
import type { HallClient } from '../../sync/hallClient.js';
import type { CitizenSession } from '../citizen/citizenSession.js';
import { fromHall } from '../hallAnswer.js';
import type { KioskTickets } from '../queue/kioskTickets.js';

/** What an appointment's QR code on the receipt says: scanned at a kiosk on the day, it finds the appointment. */
export const appointmentQrPrefix = 'OWAPPT:';

/**
 * Appointments for the citizen in session: the hall holds the book (it alone
 * knows the places left), so every step asks it and says plainly when it
 * cannot be reached. A booking prints a receipt with its code as a QR code;
 * checking in on the day prints a queue ticket that goes first at its time.
 */
export class AppointmentDesk {
  constructor(
    private readonly client: HallClient | null,
    /** The hall's appointment rules as last pulled. */
    private readonly rules: () => AppointmentsConfig,
    private readonly citizen: CitizenSession,
    private readonly receipts: ReceiptPrinting,
    private readonly tickets: KioskTickets | null,
    /** Today in the hall's time zone (services/queue/hallDate). */
    private readonly today: () => Promise<string>,
  ) {}

  services() {
    return this.rules().services.map(({ id, name }) => ({ id, name }));
  }

  slots(service: AppointmentService): Promise<Slot[]> {
    return this.#ask((client) => client.slots(service));
  }

  async mine(): Promise<MyAppointment[]> {
    const citizen = this.citizen.consentedIdentity();
    const now = Date.now();
    return (await this.#ask((client) => client.myAppointments(citizen))).map((appointment) => ({
      ...appointment,
      checkInOpen: checkInOpen(appointment, this.rules().checkIn, now),
    }));
  }

  /** At a counter: the appointments the citizen whose card was just read has today. */
  async todayAtCounter(): Promise<Appointment[]> {
    const citizen = this.citizen.identityAtCounter();
    const today = await this.today();
    return (await this.#ask((client) => client.myAppointments(citizen))).filter((appointment) => appointment.day === today);
  }

  async book(
    service: AppointmentService,
    day: string,
    time: string,
    phone: string,
  ): Promise<{ appointment: Appointment; printed: boolean }> {
    const citizen = this.citizen.consentedIdentity();
    const appointment = await this.#ask((client) => client.book({ citizen, service, day, time, phone }));
    return { appointment, printed: await this.#printReceipt(appointment) };
  }

  cancel(code: string): Promise<Appointment> {
    const citizen = this.citizen.consentedIdentity();
    return this.#ask((client) => client.cancelAppointment({ citizen, code }));
  }

  async reschedule(code: string, day: string, time: string): Promise<{ appointment: Appointment; printed: boolean }> {
    const citizen = this.citizen.consentedIdentity();
    const appointment = await this.#ask((client) => client.reschedule({ citizen, code, day, time }));
    return { appointment, printed: await this.#printReceipt(appointment) };
  }

  async checkIn(code: string): Promise<TakenTicket> {
    const citizen = this.citizen.consentedIdentity();
    if (!this.tickets) throw new ServiceError('forbidden', 'appointments are checked in at a kiosk');
    const { issued } = await this.#ask((client) => client.checkIn({ citizen, code: code.replace(appointmentQrPrefix, '') }));
    return this.tickets.handOut(issued);
  }

  async #ask<T>(work: (client: HallClient) => Promise<T>): Promise<T> {
    if (!this.client) throw new ServiceError('unavailable', 'this kiosk is not enrolled with a hall server');
    return work(this.client).catch((error: unknown) => {
      throw fromHall(error);
    });
  }

  async #printReceipt(appointment: Appointment): Promise<boolean> {
    const summary = this.citizen.summary();
    const service = this.rules().services.find((candidate) => candidate.id === appointment.service)!;
    if (!summary) return false;
    const problem = await printReceipt(this.receipts, (model) =>
      resultReceiptJob(
        {
          title: { 'zh-CN': `${service.name['zh-CN']}凭条`, en: `${service.name.en} receipt` },
          holder: `${summary.maskedName} ${summary.maskedIdNumber}`,
          facts: [
            { label: '预约号', value: appointment.code },
            { label: '时间', value: `${appointment.day} ${appointment.time}` },
            { label: '手机', value: appointment.maskedPhone },
            { label: '签到', value: `请于预约时间前 ${this.rules().checkIn.earlyMinutes} 分钟内到自助机扫码签到` },
          ],
          table: null,
          printedAt: new Date(),
          qr: `${appointmentQrPrefix}${appointment.code}`,
        },
        model,
      ),
    );
    return problem === null;
  }
}
