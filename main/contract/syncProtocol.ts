import { z } from 'zod';

/**
 * Push: a terminal's outbox events, in batches. Each event has a ULID (the
 * hall deduplicates by it) and the terminal's sequence number (the hall
 * applies them in that order). Events are validated one by one, so one
 * malformed event is refused with a reason and the rest of its batch kept.
 */
export const outboxEventSchema = z
  .object({
    id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'expected a ULID' }),
    seq: z.number().int().positive(),
    type: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/),
    occurredAt: z.iso.datetime(),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

export const maxPushBatch = 500;

/** The envelope only; each event in it is checked on its own. */
export const pushRequestSchema = z.object({ events: z.array(z.unknown()).min(1).max(maxPushBatch) }).strict();

export const pushResponseSchema = z.object({
  /** Applied now or before (duplicates): the terminal may forget them. */
  acknowledged: z.array(z.string()),
  /** Refused for good, with the reason; the terminal records and forgets them. */
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Set when an earlier event is missing: the terminal resends from this sequence number. */
  resendFrom: z.number().int().positive().nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** Scopes of hall-owned data a terminal pulls. (slots joins with the appointments issue.) `help`: the kiosks' open help calls. */
export const syncScopeSchema = z.enum(['catalogue', 'config', 'queue', 'help', 'hallServices']);
export type SyncScope = z.infer<typeof syncScopeSchema>;

export const maxPullPage = 1000;

export const pullQuerySchema = z
  .object({
    scope: syncScopeSchema,
    after: z.coerce.number().int().nonnegative(),
    limit: z.coerce.number().int().min(1).max(maxPullPage).default(maxPullPage),
  })
  .strict();

export const pullItemSchema = z.object({ seq: z.number().int().positive(), key: z.string(), value: z.unknown().nullable() });

export const pullResponseSchema = z.object({
  scope: syncScopeSchema,
  /** In change order; a null value means the item was removed. */
  items: z.array(pullItemSchema),
  /** Pass as `after` next time. */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** How many changed items a live message carries at most; beyond that, terminals pull. */
export const maxLiveItems = 100;

/**
 * What the live channel says: which scope changed, up to which change
 * (`cursor`, the scope's newest change). For a small change it carries the
 * items too, with `previous`, the scope's newest change before them: a
 * terminal whose cursor is at `previous` applies them as a pull page and
 * skips the pull (200 terminals pulling after every call would queue the
 * display behind them); any other terminal pulls.
 */
export const liveMessageSchema = z.object({
  type: z.literal('changed'),
  scope: syncScopeSchema,
  cursor: z.number().int().nonnegative(),
  delivery: z.object({ previous: z.number().int().nonnegative(), items: z.array(pullItemSchema).max(maxLiveItems) }).optional(),
});
export type LiveMessage = z.infer<typeof liveMessageSchema>;

export const syncPaths = { push: '/api/v1/events', changes: '/api/v1/changes', live: '/api/v1/live' } as const;
