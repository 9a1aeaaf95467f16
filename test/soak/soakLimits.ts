import type { SoakSample } from './kioskSessions.js';

/**
 * Growth allowed between the first sample after warm-up and the last one.
 * Memory: under 10 MB over the run (issue 16's target for 10 000 sessions),
 * the kiosk's and the hall process's alike.
 * Descriptors and subscribers must come back to what they were. The
 * database grows by design (audit entries, the outbox until pushed), but by
 * little per session.
 */
export const soakLimits = { heapMb: 10, rssMb: 10, openFiles: 5, sockets: 5, hubSubscribers: 0, databaseBytesPerSession: 4096 } as const;

/** What grew past its limit, in words; empty when nothing did. The start sample is warm-up (JIT, caches, fonts) and not the baseline. */
export function growthProblems(samples: readonly SoakSample[]): string[] {
  const [, baseline, ...rest] = samples;
  const last = rest.at(-1);
  if (!baseline || !last) return ['too few samples: run more sessions than --every, at least twice'];
  const problems: string[] = [];
  const over = (name: string, grown: number, limit: number, unit: string) => {
    if (grown > limit)
      problems.push(`${name} grew ${grown.toFixed(1)} ${unit} from ${baseline.sessions} to ${last.sessions} sessions (limit ${limit})`);
  };
  over('heap', last.heapMb - baseline.heapMb, soakLimits.heapMb, 'MB');
  over('RSS', last.rssMb - baseline.rssMb, soakLimits.rssMb, 'MB');
  over("the hall's heap", last.hall.heapMb - baseline.hall.heapMb, soakLimits.heapMb, 'MB');
  over("the hall's RSS", last.hall.rssMb - baseline.hall.rssMb, soakLimits.rssMb, 'MB');
  over('open files', last.openFiles - baseline.openFiles, soakLimits.openFiles, '');
  over('sockets', last.sockets - baseline.sockets, soakLimits.sockets, '');
  over('event-hub subscribers', last.hubSubscribers - baseline.hubSubscribers, soakLimits.hubSubscribers, '');
  const sessions = last.sessions - baseline.sessions;
  over('database per session', (last.databaseBytes - baseline.databaseBytes) / sessions, soakLimits.databaseBytesPerSession, 'bytes');
  return problems;
}
