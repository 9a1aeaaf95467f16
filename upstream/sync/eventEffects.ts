import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Queryable } from '../../lib/sqlite/database.js';
import { issuesFromZod } from '../../main/contract/errors.js';
import { outboxEventPayloads } from '../../main/contract/outboxEvents.js';
import { offlineTicketEventSchema, ratingSchema } from '../../main/contract/queue.js';
import { setupLockedOutEventSchema } from '../../main/contract/setupPin.js';
import { terminalIncidentSchema } from '../../main/contract/terminalIncident.js';
import { QueueRefusal } from '../queue/queueRefusal.js';
import type { TicketIssuer } from '../queue/ticketIssuer.js';
import type { TerminalSlots } from '../terminals/terminalSlots.js';
import { EventRefusal, type EventEffect } from './eventIntake.js';

/** An outbox event's effect at the hall, its payload checked against `schema` first. */
function effectOf<S extends z.ZodType>(
  schema: S,
  apply: (tx: Queryable, terminalId: string, payload: z.output<S>) => Promise<void>,
): EventEffect {
  return async (tx, terminalId, payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new EventRefusal(
        issuesFromZod(parsed.error)
          .map((issue) => `payload.${issue.path}: ${issue.message}`)
          .join('; '),
      );
    try {
      await apply(tx, terminalId, parsed.data);
    } catch (error) {
      if (error instanceof QueueRefusal) throw new EventRefusal(error.message);
      throw error;
    }
  };
}

/** What each kind of pushed outbox event does at the hall, besides being stored. */
export function hallEventEffects(parts: {
  issuer: TicketIssuer;
  slots: TerminalSlots;
  logger: Logger;
  now: () => Date;
}): Record<string, EventEffect> {
  const { issuer, slots, logger, now } = parts;
  return {
    'queue.ticket-issued': effectOf(offlineTicketEventSchema, (tx, terminalId, event) => issuer.acceptOffline(tx, terminalId, event)),
    'queue.ticket-rated': effectOf(ratingSchema, (tx, _terminalId, rating) => issuer.rate(tx, rating)),
    // Stored like every event; the warnings are what an operator's log watch sees.
    'setup.locked-out': effectOf(setupLockedOutEventSchema, async (_tx, terminalId, lockout) => {
      logger.warn(
        { terminalId, failures: lockout.failures, lockouts: lockout.lockouts, lockedUntil: lockout.lockedUntil },
        'a terminal locked its setup mode after wrong PINs',
      );
    }),
    'config.applied': effectOf(outboxEventPayloads['config.applied'], (tx, terminalId, applied) =>
      slots.applied(tx, terminalId, applied.configVersion, now().toISOString()),
    ),
    'terminal.incident': effectOf(terminalIncidentSchema, async (_tx, terminalId, incident) => {
      logger.warn({ terminalId, ...incident }, 'a terminal restarted its host or screen');
    }),
  };
}
