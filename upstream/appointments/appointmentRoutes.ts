import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';
import { appointmentActionSchema, appointmentPaths, bookRequestSchema, mineRequestSchema, rescheduleRequestSchema, slotsRequestSchema } from '../../main/contract/appointments.js';
import { refuse, refuseInput } from '../http/refuse.js';
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

/** Appointments for terminals (signed): slots, book, cancel, reschedule, mine, check-in. */
export function registerAppointmentRoutes(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>, book: AppointmentBook): void {
  const route = <T>(path: string, schema: { safeParse(body: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, work: (data: T, terminalId: string) => Promise<unknown>) =>
    app.post(path, async (request, reply) => {
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) return refuseInput(reply, parsed.error);
      return answer(reply, () => work(parsed.data, request.terminalId!));
    });
  route(appointmentPaths.slots, slotsRequestSchema, (data) => book.slots(data.service));
  route(appointmentPaths.book, bookRequestSchema, (data, terminalId) => book.book(terminalId, data.service, data.day, data.time, data.citizen, data.phone));
  route(appointmentPaths.cancel, appointmentActionSchema, (data) => book.cancel(data.code, data.citizen));
  route(appointmentPaths.reschedule, rescheduleRequestSchema, (data) => book.reschedule(data.code, data.citizen, data.day, data.time));
  route(appointmentPaths.mine, mineRequestSchema, (data) => book.mine(data.citizen));
  route(appointmentPaths.checkIn, appointmentActionSchema, (data, terminalId) => book.checkIn(terminalId, data.code, data.citizen));
}
