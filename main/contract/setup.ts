import { z } from 'zod';

/** Proof that a technician entered the setup PIN; privileged calls carry it. */
export const setupTokenSchema = z.string().min(16).max(128);

export const setupUnlockInputSchema = z.object({ pin: z.string().regex(/^\d{1,12}$/) }).strict();

export const setupUnlockOutputSchema = z.object({
  setupToken: setupTokenSchema,
  expiresAt: z.iso.datetime(),
});

/** What a technician types on a screen to pair it with the terminal: shown on the terminal's own screen, used once. */
export const pairingCodeSchema = z.string().regex(/^\d{6}$/);
