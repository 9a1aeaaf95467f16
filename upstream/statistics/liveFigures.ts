import { z } from 'zod';
import type { Queryable } from '../../lib/sqlite/database.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { pauseReasonSchema, type QueueWindow } from '../../main/contract/queue.js';
import { hallFigures } from './hallFigures.js';

export const liveFiguresSchema = z.object({
  businessDay: z.string(),
  at: z.string(),
  waiting: z.number().int().nonnegative(),
  /** Minutes the longest-waiting ticket has waited so far; null when nobody waits. */
  longestWaitMinutes: z.number().nonnegative().nullable(),
  serving: z.number().int().nonnegative(),
  paused: z.array(z.object({ window: z.number().int(), reason: pauseReasonSchema })),
  idle: z.number().int().nonnegative(),
  served: z.number().int().nonnegative(),
  serviceLevel: z.number().nullable(),
  services: z.array(z.object({ service: z.string(), waiting: z.number().int(), longestWaitMinutes: z.number().nullable() })),
});
export type LiveFigures = z.infer<typeof liveFiguresSchema>;

/** The hall now: who waits and for how long, what each counter does, and today's service level so far. */
export async function liveFigures(
  db: Queryable & { path?: string },
  queue: HallQueue,
  businessDay: string,
  now: Date,
): Promise<LiveFigures> {
  const waiting = await db.all<{ service: string; n: number; oldest: string }>(
    "SELECT service, COUNT(*) AS n, MIN(issued_at) AS oldest FROM queue_ticket WHERE business_day = ? AND status = 'waiting' GROUP BY service",
    [businessDay],
  );
  const windows = await db.all<{ window_number: number; paused_reason: QueueWindow['pausedReason']; current_ticket_id: string | null }>(
    'SELECT window_number, paused_reason, current_ticket_id FROM queue_window',
  );
  const configured = windows.filter((row) => queue.windows.some((window) => window.window === row.window_number));
  const waited = (oldest: string | undefined) =>
    oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 6000) / 10) : null;
  const today = await hallFigures(db, queue, businessDay, businessDay, now);
  const oldest = waiting.map((row) => row.oldest).sort()[0];
  return {
    businessDay,
    at: now.toISOString(),
    waiting: waiting.reduce((sum, row) => sum + Number(row.n), 0),
    longestWaitMinutes: waited(oldest),
    serving: configured.filter((row) => row.current_ticket_id !== null).length,
    paused: configured.flatMap((row) => (row.paused_reason ? [{ window: row.window_number, reason: row.paused_reason }] : [])),
    idle: configured.filter((row) => row.current_ticket_id === null && row.paused_reason === null).length,
    served: today.total.served,
    serviceLevel: today.total.serviceLevel,
    services: queue.services.map((service) => {
      const row = waiting.find((candidate) => candidate.service === service.code);
      return { service: service.code, waiting: Number(row?.n ?? 0), longestWaitMinutes: waited(row?.oldest) };
    }),
  };
}
