import { z } from 'zod';
import { businessDaySchema, serviceCodeSchema } from '../../main/contract/queue.js';
import { localizedTextSchema } from '../../main/contract/terminal.js';
import { liveFiguresSchema } from '../statistics/liveFigures.js';
import { waitBucketLabels } from '../statistics/figuresSchema.js';

/** What a hall and its district centre say to each other; both sides import this one definition. */
export const centrePaths = {
  enrol: '/api/v1/centre/enrol',
  report: '/api/v1/centre/report',
  figures: '/api/v1/centre/figures',
  wait: '/api/v1/centre/wait',
  dashboard: '/dashboard',
  waitPage: '/wait',
} as const;

export const hallIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,32}$/, { error: 'expected 1–32 letters, digits or "-"' });

export const centreEnrolRequestSchema = z
  .object({ code: z.string().regex(/^[A-Z0-9]{12}$/, { error: 'expected the 12-character code' }) })
  .strict();
export const centreEnrolAnswerSchema = z.object({ hallId: hallIdSchema, name: z.string(), secret: z.string().min(32) });
export type CentreEnrolAnswer = z.infer<typeof centreEnrolAnswerSchema>;

// A PostgreSQL INTEGER column holds it: a larger number is refused here (400), never at the insert (500).
export const countSchema = z.number().int().nonnegative().max(2_147_483_647);

/**
 * One hour of one service at a hall, as raw counts and sums (a mean or a
 * median does not add up across halls; sums do). The hour is the hall's
 * local hour of arrival, as on the hall's own dashboard.
 */
export const hourFiguresSchema = z
  .object({
    day: businessDaySchema,
    hour: z.number().int().min(0).max(23),
    service: serviceCodeSchema,
    arrivals: countSchema,
    served: countSchema,
    noShows: countSchema,
    transferred: countSchema,
    called: countSchema,
    withinTarget: countSchema,
    waitSeconds: countSchema,
    waitBuckets: z.array(countSchema).length(waitBucketLabels.length),
    ratings: countSchema,
    scoreSum: countSchema,
    badRatings: countSchema,
  })
  .strict();
export type HourFigures = z.infer<typeof hourFiguresSchema>;

/** The hall's terminals, as the centre shows them: how many, how many offline, and which have an open alert. */
export const hallHealthSchema = z
  .object({
    terminals: countSchema,
    offline: countSchema,
    alerting: z.array(z.object({ terminalId: z.string(), alerts: z.array(z.string()).max(20) })).max(500),
  })
  .strict();
export type HallHealth = z.infer<typeof hallHealthSchema>;

/**
 * A hall's report: the hours its outbox holds (in order, each with its
 * sequence number, so a batch sent twice changes nothing), and its figures
 * now, which only matter as the latest.
 */
export const centreReportSchema = z
  .object({
    /** The hall's services by code, with their names: the public wait page names them. */
    services: z.array(z.object({ code: serviceCodeSchema, name: localizedTextSchema }).strict()).max(26),
    hours: z
      .array(z.object({ seq: z.number().int().positive(), figures: hourFiguresSchema }).strict())
      .max(1000)
      .refine((hours) => hours.every((hour, index) => index === 0 || hour.seq > hours[index - 1]!.seq), {
        error: 'expected the hours in rising sequence order',
      }),
    live: liveFiguresSchema.nullable(),
    health: hallHealthSchema.nullable(),
  })
  .strict();
export type CentreReport = z.infer<typeof centreReportSchema>;

/** The highest sequence number the centre holds: the hall may forget its outbox up to it. */
export const centreReportAnswerSchema = z.object({ acknowledged: z.number().int().nonnegative() });
