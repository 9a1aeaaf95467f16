import { z } from 'zod';
import { offlineTicketEventSchema, ratingSchema } from './queue.js';
import { setupLockedOutEventSchema } from './setupPin.js';
import { deviceStatusSchema } from './status.js';
import { terminalIncidentSchema } from './terminalIncident.js';

/**
 * Every kind of event a terminal's outbox carries to the hall, with its
 * payload. Terminals write them through `appendEvent` (typed by this map);
 * the hall checks each payload against the same schema before its effect.
 */
export const outboxEventPayloads = {
  /** A ticket issued from a leased block while the hall was out of reach. */
  'queue.ticket-issued': offlineTicketEventSchema,
  /** The citizen's rating on the counter's second screen. */
  'queue.ticket-rated': ratingSchema,
  /** A device's state changed (paper out, reader unplugged, recovered). */
  'device.status': deviceStatusSchema,
  /** Setup mode locked itself after wrong PINs. */
  'setup.locked-out': setupLockedOutEventSchema,
  /** An entry of the terminal's hash-chained audit log, so the hall holds the chain too. */
  /** The launcher restarted the host or the screen (exited, hung), written by the launcher into the terminal's outbox. */
  'terminal.incident': terminalIncidentSchema,
  'audit.appended': z.object({ seq: z.number().int().positive(), hash: z.string(), kind: z.string(), code: z.string() }).strict(),
  /** The terminal applied this version of its hall-managed settings (the hall shows published vs applied). */
  'config.applied': z.object({ configVersion: z.number().int().positive() }).strict(),
} as const;

export type OutboxEventType = keyof typeof outboxEventPayloads;
export type OutboxPayload<T extends OutboxEventType> = z.input<(typeof outboxEventPayloads)[T]>;
