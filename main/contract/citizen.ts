import { z } from 'zod';

/** What screens may show of the citizen whose card was read: masked, and what it means for the queue. */
export const citizenSummarySchema = z.object({
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  cardType: z.enum(['resident', 'hk-macao-taiwan', 'foreign-permanent']).nullable(),
  age: z.number().int().nonnegative().nullable(),
  senior: z.boolean(),
  /** The card's check digit is wrong: the clerk should look at the card. */
  idNumberSuspect: z.boolean(),
  /** How they identified: the ID card on the reader, or an e-ID code scanned from their phone. */
  source: z.enum(['card', 'eid']),
  /** They agreed that their records may be looked up; nothing personal is asked of the hall before. */
  consented: z.boolean(),
});
export type CitizenSummary = z.infer<typeof citizenSummarySchema>;
