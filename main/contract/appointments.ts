import { z } from 'zod';
import { businessDaySchema, serviceCodeSchema } from './queue.js';
import { citizenIdentitySchema } from './citizenServices.js';
import { localizedTextSchema } from './terminal.js';

/** The two appointment items of a 24-hour area. */
export const appointmentServiceSchema = z.enum(['hall-service', 'real-estate']);
export type AppointmentService = z.infer<typeof appointmentServiceSchema>;

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected HH:MM' });

/** The hall's appointment rules (hall-config/appointments.json): slots per service and day, capacity, check-in window. */
export const appointmentsConfigSchema = z
  .object({
    $schema: z.string().optional(),
    services: z
      .array(
        z
          .object({
            id: appointmentServiceSchema,
            name: localizedTextSchema,
            /** The queue service a checked-in appointment's ticket is for. */
            queueService: serviceCodeSchema,
            slotTimes: z.array(timeSchema).min(1),
            capacity: z.number().int().min(1).max(500),
            daysAhead: z.number().int().min(0).max(60),
          })
          .strict(),
      )
      .min(1),
    checkIn: z.object({ earlyMinutes: z.number().int().min(0).max(240), lateMinutes: z.number().int().min(0).max(240) }).strict(),
  })
  .strict();
export type AppointmentsConfig = z.output<typeof appointmentsConfigSchema>;

export const phoneSchema = z.string().regex(/^1\d{10}$/, { error: 'expected an 11-digit mobile number starting with 1' });

export const slotSchema = z.object({
  service: appointmentServiceSchema,
  day: businessDaySchema,
  time: timeSchema,
  startsAt: z.iso.datetime(),
  left: z.number().int().nonnegative(),
});
export type Slot = z.infer<typeof slotSchema>;

export const appointmentSchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  service: appointmentServiceSchema,
  day: businessDaySchema,
  time: timeSchema,
  startsAt: z.iso.datetime(),
  status: z.enum(['booked', 'cancelled', 'checked_in', 'no_show']),
  maskedPhone: z.string(),
  ticketLabel: z.string().nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** One of the citizen's appointments as the kiosk shows it: whether checking in is open now, by the hall's rule and clock-free of the screen's time zone. */
export const myAppointmentSchema = appointmentSchema.extend({ checkInOpen: z.boolean() });
export type MyAppointment = z.infer<typeof myAppointmentSchema>;

/** Check-in is open from `earlyMinutes` before an appointment to `lateMinutes` after it, for a booked one. */
export function checkInOpen(appointment: Appointment, rule: { earlyMinutes: number; lateMinutes: number }, now: number): boolean {
  const startsAt = Date.parse(appointment.startsAt);
  return appointment.status === 'booked' && now >= startsAt - rule.earlyMinutes * 60_000 && now <= startsAt + rule.lateMinutes * 60_000;
}

const who = { citizen: citizenIdentitySchema };
export const slotsRequestSchema = z.object({ service: appointmentServiceSchema }).strict();
export const bookRequestSchema = z
  .object({ ...who, service: appointmentServiceSchema, day: businessDaySchema, time: timeSchema, phone: phoneSchema })
  .strict();
export const appointmentActionSchema = z.object({ ...who, code: appointmentSchema.shape.code }).strict();
export const rescheduleRequestSchema = appointmentActionSchema.extend({ day: businessDaySchema, time: timeSchema }).strict();
export const mineRequestSchema = z.object(who).strict();

/** Why the hall refuses an appointment action; screens translate each (errors.reasons.<code>). */
export const appointmentRefusalSchema = z.enum([
  'slot_full',
  'no_such_slot',
  'already_booked',
  'unknown_appointment',
  'not_booked',
  'too_early',
  'too_late',
]);
export type AppointmentRefusal = z.infer<typeof appointmentRefusalSchema>;

export const appointmentPaths = {
  slots: '/api/v1/appointments/slots',
  book: '/api/v1/appointments/book',
  cancel: '/api/v1/appointments/cancel',
  reschedule: '/api/v1/appointments/reschedule',
  mine: '/api/v1/appointments/mine',
  checkIn: '/api/v1/appointments/check-in',
} as const;
