import { z } from 'zod';
import { phoneSchema } from './appointments.js';

/** How many may be ahead when the phone says "your turn is near" (the follow page, the text message, the kiosk's promise). */
export const nearTurnAhead = 3;

/** A phone number typed at the kiosk for an SMS when the ticket's turn is near; the hall erases it when the ticket ends. */
export const turnReminderSchema = z
  .object({ ticketId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'expected a ULID' }), phone: phoneSchema })
  .strict();
