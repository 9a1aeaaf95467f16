import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  appointmentActionSchema,
  appointmentPaths,
  appointmentSchema,
  bookRequestSchema,
  mineRequestSchema,
  rescheduleRequestSchema,
  slotSchema,
  slotsRequestSchema,
} from '../../main/contract/appointments.js';
import { issuedTicketSchema } from '../../main/contract/queue.js';
import type { TerminalRole } from '../../main/contract/terminal.js';
import { hallRoute, type Caller, type HallApp } from '../http/hallRoute.js';
import { refuse } from '../http/refuse.js';
import { QueueRefusal } from '../queue/queueRefusal.js';
import { AppointmentRefused, type AppointmentBook } from './appointmentBook.js';
async function answer<T>(reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppointmentRefused || error instanceof QueueRefusal) return refuse(reply, error.status, error.code, error.message);
    throw error;
  }
}

/** Appointments (signed): slots, book, cancel, reschedule and check-in at kiosks; a citizen's appointments at kiosks and counters (after F8). */
export function registerAppointmentRoutes(app: HallApp, book: AppointmentBook): void {
  const route = <S extends z.ZodType>(
    url: string,
    roles: readonly TerminalRole[],
    summary: string,
    body: S,
    response: z.ZodType,
    work: (data: z.output<S>, caller: Caller) => Promise<unknown>,
  ) =>
    hallRoute(app, {
      method: 'POST',
      url,
      access: { roles },
      summary,
      body,
      response,
      handler: ({ body: data, caller, reply }) => answer(reply, () => work(data, caller)),
    });
  route(appointmentPaths.slots, ['kiosk'], 'Free slots of a service', slotsRequestSchema, slotSchema.array(), (data) =>
    book.slots(data.service),
  );
  route(appointmentPaths.book, ['kiosk'], 'Book a slot', bookRequestSchema, appointmentSchema, (data, caller) =>
    book.book(caller.terminalId, data.service, data.day, data.time, data.citizen, data.phone),
  );
  route(appointmentPaths.cancel, ['kiosk'], 'Cancel an appointment', appointmentActionSchema, appointmentSchema, (data) =>
    book.cancel(data.code, data.citizen),
  );
  route(appointmentPaths.reschedule, ['kiosk'], 'Move an appointment to another slot', rescheduleRequestSchema, appointmentSchema, (data) =>
    book.reschedule(data.code, data.citizen, data.day, data.time),
  );
  route(appointmentPaths.mine, ['kiosk', 'counter'], "A citizen's appointments", mineRequestSchema, appointmentSchema.array(), (data) =>
    book.mine(data.citizen),
  );
  route(
    appointmentPaths.checkIn,
    ['kiosk'],
    'Check in on the day: a ticket that goes first',
    appointmentActionSchema,
    z.object({ appointment: appointmentSchema, issued: issuedTicketSchema }),
    (data, caller) => book.checkIn(caller.terminalId, data.code, data.citizen),
  );
}
