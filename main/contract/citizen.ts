import { z } from 'zod';

/** What screens may show of the citizen whose card was read: masked, and what it means for the queue. */
export const citizenSummarySchema = z.object({
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  cardType: z.enum(['resident', 'hk-macao-taiwan', 'foreign-permanent']),
  age: z.number().int().nonnegative().nullable(),
  senior: z.boolean(),
  /** The card's check digit is wrong: the clerk should look at the card. */
  idNumberSuspect: z.boolean(),
});
export type CitizenSummary = z.infer<typeof citizenSummarySchema>;
