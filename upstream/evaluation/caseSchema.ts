import { z } from 'zod';
import { ratingSchema } from '../../main/contract/queue.js';
import { staffUsernameSchema } from '../http/staffRoutes.js';

/** 好差评 (GB/T 39734-2020): a 差评 is worked through these steps, in order, then closed. */
export const caseSteps = ['verify', 'rectify', 'reply', 'review'] as const;
export const caseStepSchema = z.enum([...caseSteps, 'closed']);
export type CaseStep = z.infer<typeof caseStepSchema>;

export const caseStepNames: Record<CaseStep, string> = {
  verify: '核实 Verify',
  rectify: '整改 Rectify',
  reply: '反馈 Reply',
  review: '复核 Review',
  closed: '已办结 Closed',
};

export const ratingCaseSchema = z.object({
  id: z.string(),
  ticketLabel: z.string(),
  businessDay: z.string(),
  service: z.string(),
  window: z.number().int().nullable(),
  score: z.number().int().min(1).max(5),
  reasons: ratingSchema.shape.reasons,
  openedAt: z.string(),
  step: caseStepSchema,
  owner: z.string().nullable(),
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  history: z.array(
    z.object({
      step: caseStepSchema,
      owner: z.string().nullable(),
      dueAt: z.string(),
      doneAt: z.string(),
      doneBy: z.string(),
      note: z.string(),
    }),
  ),
});
export type RatingCase = z.infer<typeof ratingCaseSchema>;

/** Completing the case's current step: what was done, and who owns the next one (the same owner if not named). */
export const completeStepSchema = z
  .object({
    step: caseStepSchema.exclude(['closed']),
    note: z.string().trim().min(1, { error: 'say what was done' }).max(2000),
    nextOwner: staffUsernameSchema.optional(),
  })
  .strict();

export const assignCaseSchema = z.object({ owner: staffUsernameSchema }).strict();

/** A citizen's later rating from the ticket's page. */
export const laterRatingSchema = ratingSchema.omit({ ticketId: true }).strict();
