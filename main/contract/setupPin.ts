import { z } from 'zod';

/**
 * A setup PIN as the hall publishes it to one terminal (config scope, key
 * `setupPinKey(terminalId)`): scrypt's parameters, salt and hash, never the
 * PIN. The bounds keep a forged record from making the terminal hash for
 * minutes.
 */
export const setupPinHashSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 17),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.base64().min(16),
    hash: z.base64().min(32),
    issuedAt: z.iso.datetime(),
  })
  .strict();
export type SetupPinHash = z.infer<typeof setupPinHashSchema>;

/** The key of a terminal's setup PIN in the hall's config scope; ":" cannot occur in a terminal id, so it never collides with one. */
export function setupPinKey(terminalId: string): string {
  return `setup-pin:${terminalId}`;
}

/** A setup PIN a terminal accepts: 6 digits or more (4 digits fall to a patient guesser in hours). */
export const setupPinSchema = z.string().regex(/^\d{6,12}$/, { error: 'expected 6–12 digits' });

/** Outbox event 'setup.locked-out': a terminal shut its setup mode after wrong PINs. */
export const setupLockedOutEventSchema = z
  .object({
    terminalId: z.string().min(1).max(32),
    /** Wrong PINs in a row so far. */
    failures: z.number().int().positive(),
    /** How many lockouts in a row (the step of the ladder). */
    lockouts: z.number().int().positive(),
    lockedUntil: z.iso.datetime(),
  })
  .strict();
