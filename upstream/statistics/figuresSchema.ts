import { z } from 'zod';
import { businessDaySchema, pauseReasonSchema, serviceCodeSchema, windowNumberSchema } from '../../main/contract/queue.js';

const count = z.number().int().nonnegative();
const minutes = z.number().nonnegative().nullable();

/** The waiting-time buckets (minutes, upper bound exclusive; the last is open). */
export const waitBucketEdges = [5, 10, 15, 30, 60] as const;
export const waitBucketLabels = ['<5', '5–10', '10–15', '15–30', '30–60', '≥60'] as const;

/**
 * The figures of one group of tickets (a service, a window, an hour, a day, the whole range).
 * Wait: issue → first call, against the target of the service the ticket was issued for. Service time: a window's call → the ticket leaving it (finished).
 * Median and p90 are nearest-rank (the value at rank ⌈p·n⌉), in minutes to 0.1: exact for a group of one day,
 * and over more days placed within their minute from per-minute counts (minuteHistogram.ts), so within a minute.
 */
export const figureRowSchema = z.object({
  arrivals: count,
  served: count,
  noShows: count,
  transferred: count,
  waiting: count,
  called: count,
  /** Called within the service's target wait. */
  withinTarget: count,
  /** withinTarget / called, in % to 0.1. */
  serviceLevel: z.number().min(0).max(100).nullable(),
  waitAverage: minutes,
  waitMedian: minutes,
  waitP90: minutes,
  serviceMedian: minutes,
  serviceP90: minutes,
  waitBuckets: z.array(count).length(waitBucketLabels.length),
  ratings: count,
  averageScore: z.number().min(1).max(5).nullable(),
  /** 差评: ratings of 1 or 2. */
  badRatings: count,
});
export type FigureRow = z.infer<typeof figureRowSchema>;

export const figuresSchema = z.object({
  from: businessDaySchema,
  to: businessDaySchema,
  total: figureRowSchema,
  services: z.array(figureRowSchema.extend({ service: serviceCodeSchema, targetWaitMinutes: z.number() })),
  windows: z.array(
    figureRowSchema.extend({
      window: windowNumberSchema,
      busyMinutes: z.number().nonnegative(),
      /** First call to last ticket leaving, per day, less its pauses. */
      availableMinutes: z.number().nonnegative(),
      /** busy / available in %. */
      utilisation: z.number().min(0).max(100).nullable(),
      pausedMinutes: z.partialRecord(pauseReasonSchema, z.number().nonnegative()),
    }),
  ),
  hours: z.array(figureRowSchema.extend({ hour: z.number().int().min(0).max(23), finished: count })),
  days: z.array(figureRowSchema.extend({ day: businessDaySchema })),
  appointments: z.array(
    z.object({
      service: serviceCodeSchema,
      booked: count,
      checkedIn: count,
      noShows: count,
      cancelled: count,
      /** noShows / (checkedIn + noShows), in %. */
      noShowRate: z.number().min(0).max(100).nullable(),
      /** Tickets with an appointment: taken at or before its time, and after it. */
      onTime: count,
      late: count,
      averageLateMinutes: minutes,
    }),
  ),
  kiosk: z.array(z.object({ use: z.enum(['ticket', 'booking', 'certificate', 'request']), service: z.string(), count })),
});
export type Figures = z.infer<typeof figuresSchema>;

export const figuresQuerySchema = z
  .object({ from: businessDaySchema.optional(), to: businessDaySchema.optional() })
  .strict()
  .refine((range) => !range.from || !range.to || range.from <= range.to, { error: 'from must not be after to', path: ['to'] });
