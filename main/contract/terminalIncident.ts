import { z } from 'zod';

/** What the launcher saw go wrong and what it did: the hall keeps each one. */
export const terminalIncidentSchema = z
  .object({
    kind: z.enum(['host-exited', 'screen-exited', 'screen-hung']),
    /** Exit code or signal, or how long the page did not answer. */
    detail: z.string().max(200).nullable(),
    /** How long the launcher waits before the restart (grows in a crash loop). */
    restartInMs: z.number().int().nonnegative(),
    /** Restarts of this kind in a row that did not last; 0 after a stable run. */
    crashLoop: z.number().int().nonnegative(),
  })
  .strict();
export type TerminalIncident = z.infer<typeof terminalIncidentSchema>;
