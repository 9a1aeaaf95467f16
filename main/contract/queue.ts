import { z } from 'zod';
import { localizedTextSchema } from './terminal.js';

/**
 * The hall's queue as it crosses the wire: hall ⇄ terminal (HTTP and the
 * "queue" pull scope) and host ⇄ renderer. No personal data is in a ticket:
 * priority says why, never who.
 */

export const serviceCodeSchema = z.string().regex(/^[A-Z]$/, { error: 'expected one capital letter (the ticket prefix)' });
export const windowNumberSchema = z.number().int().min(1).max(999);
export const businessDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ulidSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'expected a ULID' });

/** A queue service as terminals see it (scope "queue", key "service:A"). */
export const queueServiceSchema = z.object({
  code: serviceCodeSchema,
  name: localizedTextSchema,
  /** Minutes one citizen usually takes, until today's served tickets say otherwise. */
  usualServiceMinutes: z.number().positive(),
  position: z.number().int().nonnegative(),
});
export type QueueService = z.infer<typeof queueServiceSchema>;

/** The hall's day rules (scope "queue", key "rules"). */
export const queueRulesSchema = z.object({
  /** Printed on tickets and shown on the hall board. */
  hallName: localizedTextSchema,
  /** Local hour at which the numbers start again; tickets before it belong to the day before. */
  resetHour: z.number().int().min(0).max(23),
  timeZone: z.string().min(1),
  /** How many times a ticket is recalled before the clerk may skip it as a no-show. */
  recallsBeforeSkip: z.number().int().min(0).max(10),
});
export type QueueRules = z.infer<typeof queueRulesSchema>;

/** Why a ticket goes before arrival order. Appointment holders are ordered by their time (see queueOrder). */
export const priorityReasonSchema = z.enum(['senior', 'disability', 'transfer']);
export type PriorityReason = z.infer<typeof priorityReasonSchema>;

export const ticketStatusSchema = z.enum(['waiting', 'called', 'finished', 'no_show']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** A ticket (scope "queue", key "ticket:<id>"). */
export const queueTicketSchema = z.object({
  id: ulidSchema,
  businessDay: businessDaySchema,
  label: z.string().regex(/^[A-Z]\d{3,4}$/),
  service: serviceCodeSchema,
  status: ticketStatusSchema,
  priority: priorityReasonSchema.nullable(),
  appointmentAt: z.iso.datetime().nullable(),
  issuedAt: z.iso.datetime(),
  /** Issued from a number block while the kiosk could not reach the hall. */
  offline: z.boolean(),
  /** Transferred to one window: only that window calls it. */
  targetWindow: windowNumberSchema.nullable(),
  window: windowNumberSchema.nullable(),
  calledAt: z.iso.datetime().nullable(),
  recalls: z.number().int().nonnegative(),
  finishedAt: z.iso.datetime().nullable(),
});
export type QueueTicket = z.infer<typeof queueTicketSchema>;

export const pauseReasonSchema = z.enum(['break', 'meal', 'meeting', 'consultation', 'other']);

/** A counter window (scope "queue", key "window:<n>"). */
export const queueWindowSchema = z.object({
  window: windowNumberSchema,
  services: z.array(serviceCodeSchema),
  pausedReason: pauseReasonSchema.nullable(),
  currentTicketId: ulidSchema.nullable(),
});
export type QueueWindow = z.infer<typeof queueWindowSchema>;

// ── Hall HTTP API (signed requests from terminals) ──────────────────────────

export const issueTicketRequestSchema = z
  .object({
    /** Chosen by the kiosk, so a retried request gets the same ticket, not a second one. */
    id: ulidSchema,
    service: serviceCodeSchema,
    priority: priorityReasonSchema.exclude(['transfer']).nullable(),
    appointmentAt: z.iso.datetime().nullable(),
  })
  .strict();
export type IssueTicketRequest = z.infer<typeof issueTicketRequestSchema>;

export const issuedTicketSchema = z.object({
  ticket: queueTicketSchema,
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
});
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;

/** A ticket issued offline from a leased block, pushed in the outbox (event type queue.ticket-issued). */
export const offlineTicketEventSchema = issueTicketRequestSchema
  .extend({ businessDay: businessDaySchema, number: z.number().int().positive(), issuedAt: z.iso.datetime() })
  .strict();
export type OfflineTicketEvent = z.infer<typeof offlineTicketEventSchema>;

export const leaseBlockRequestSchema = z.object({ service: serviceCodeSchema, size: z.number().int().min(1).max(100) }).strict();
export const numberBlockSchema = z.object({
  service: serviceCodeSchema,
  businessDay: businessDaySchema,
  first: z.number().int().positive(),
  last: z.number().int().positive(),
});
export type NumberBlock = z.infer<typeof numberBlockSchema>;

export const counterActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('call-next') }).strict(),
  z.object({ action: z.literal('recall') }).strict(),
  z.object({ action: z.literal('skip') }).strict(),
  z.object({ action: z.literal('finish') }).strict(),
  z
    .object({
      action: z.literal('transfer'),
      to: z.union([z.object({ service: serviceCodeSchema }).strict(), z.object({ window: windowNumberSchema }).strict()]),
    })
    .strict(),
  z.object({ action: z.literal('pause'), reason: pauseReasonSchema }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
]);
export type CounterAction = z.infer<typeof counterActionSchema>;

export const counterRequestSchema = z.object({ window: windowNumberSchema, act: counterActionSchema }).strict();

export const counterResultSchema = z.object({
  window: queueWindowSchema,
  /** The ticket now at the window, or null. */
  current: queueTicketSchema.nullable(),
  /** The ticket that left the window (finished, skipped, transferred; call-next finishes the one before). A finished one is rated. */
  left: queueTicketSchema.nullable(),
});
export type CounterResult = z.infer<typeof counterResultSchema>;

/** A citizen's rating at the counter's evaluation screen (event type queue.ticket-rated). */
export const ratingSchema = z
  .object({
    ticketId: ulidSchema,
    score: z.number().int().min(1).max(5),
    reasons: z.array(z.enum(['slow', 'attitude', 'unclear', 'runaround', 'efficient', 'friendly', 'clear'])).max(7),
  })
  .strict();
export type Rating = z.infer<typeof ratingSchema>;

const statisticsRow = z.object({
  served: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  averageWaitMinutes: z.number().nonnegative().nullable(),
  averageServiceMinutes: z.number().nonnegative().nullable(),
  ratings: z.number().int().nonnegative(),
  averageScore: z.number().min(1).max(5).nullable(),
});
export const queueStatisticsSchema = z.object({
  businessDay: businessDaySchema,
  services: z.array(statisticsRow.extend({ service: serviceCodeSchema })),
  windows: z.array(statisticsRow.omit({ waiting: true }).extend({ window: windowNumberSchema })),
});
export type QueueStatistics = z.infer<typeof queueStatisticsSchema>;

/** Why the hall refuses a queue action; screens translate each (errors.reasons.<code>). */
export const queueRefusalCodeSchema = z.enum([
  'unknown_service',
  'unknown_window',
  'unknown_ticket',
  'numbers_exhausted',
  'window_paused',
  'no_current_ticket',
  'recall_first',
  'finish_first',
  'same_window',
  'not_leased',
  'not_finished',
  'ticket_not_waiting',
]);
export type QueueRefusalCode = z.infer<typeof queueRefusalCodeSchema>;

export const queuePaths = {
  tickets: '/api/v1/queue/tickets',
  blocks: '/api/v1/queue/blocks',
  counter: '/api/v1/queue/counter',
  statistics: '/api/v1/queue/statistics',
  /** A phone number for an SMS when the ticket's turn is near. */
  reminders: '/api/v1/queue/reminders',
  /** Public: the page a ticket's QR code opens, to follow the queue from a phone. */
  follow: '/t/',
  dashboard: '/dashboard',
} as const;

// ── Host ⇄ renderer views of the queue ──────────────────────────────────────

export const queueOverviewSchema = z.object({
  services: z.array(
    z.object({
      code: serviceCodeSchema,
      name: localizedTextSchema,
      waiting: z.number().int().nonnegative(),
      estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
    }),
  ),
});
export type QueueOverview = z.infer<typeof queueOverviewSchema>;

export const takeTicketInputSchema = z
  .object({
    service: serviceCodeSchema,
    /** Said by the citizen at the kiosk (the clerk checks it); 60 and over comes from the ID card read in this session. */
    disability: z.boolean(),
  })
  .strict();

export const takenTicketSchema = issuedTicketSchema.extend({
  serviceName: localizedTextSchema,
  followUrl: z.string(),
  printed: z.boolean(),
  /** Why it did not print: the ticket is still valid and shown on screen. */
  printProblem: z.enum(['no_printer', 'not_connected', 'paper_out', 'cover_open', 'offline']).nullable(),
});
export type TakenTicket = z.infer<typeof takenTicketSchema>;

export const callSchema = z.object({
  ticketId: ulidSchema,
  label: z.string(),
  window: windowNumberSchema,
  calledAt: z.iso.datetime(),
  /** Bumped by each recall, so a screen announces a recall again. */
  recalls: z.number().int().nonnegative(),
});
export type Call = z.infer<typeof callSchema>;

export const hallBoardSchema = z.object({
  hallName: localizedTextSchema.nullable(),
  /** Latest first; the first is "now calling". */
  calls: z.array(callSchema),
  waiting: z.array(z.object({ code: serviceCodeSchema, name: localizedTextSchema, count: z.number().int().nonnegative() })),
  pausedWindows: z.array(z.object({ window: windowNumberSchema, reason: pauseReasonSchema })),
});
export type HallBoard = z.infer<typeof hallBoardSchema>;

export const counterStateSchema = z.object({
  window: windowNumberSchema,
  services: z.array(queueServiceSchema),
  pausedReason: pauseReasonSchema.nullable(),
  current: queueTicketSchema.nullable(),
  /** In calling order; the first is who "call next" brings. */
  waiting: z.array(queueTicketSchema),
  /** Other windows, for transfers. */
  otherWindows: z.array(windowNumberSchema),
  recallsBeforeSkip: z.number().int().nonnegative(),
  allServices: z.array(queueServiceSchema),
});
export type CounterState = z.infer<typeof counterStateSchema>;

/** The finished ticket the citizen-facing evaluation screen asks about. */
export const evaluationRequestSchema = z.object({ ticketId: ulidSchema, label: z.string(), window: windowNumberSchema });
