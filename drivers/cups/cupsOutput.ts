// What CUPS's command-line tools print, read into data. Pure.

/** `lp` prints "request id is QUEUE-12 (1 file(s))". */
export function parseRequestId(stdout: string): string | null {
  return /request id is (\S+)/.exec(stdout)?.[1] ?? null;
}

/** `lpstat -o QUEUE` lists one job a line, its id first. */
export function parseJobIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((id) => id !== '');
}

export interface QueueState {
  enabled: boolean;
  /** printer-state-reasons, e.g. media-empty-error, media-jam, offline-report. */
  reasons: string[];
}

/** `lpstat -l -p QUEUE`: "printer Q is idle.  enabled since …" or "… disabled since …", then an "Alerts:" line of reasons. */
export function parseQueueState(stdout: string): QueueState {
  const enabled = !/\bdisabled since\b/.test(stdout.split('\n')[0] ?? '');
  const alerts = /^\s*Alerts:\s*(.*)$/m.exec(stdout)?.[1]?.trim() ?? '';
  const reasons = alerts === '' || alerts === 'none' ? [] : alerts.split(/\s+/).filter((reason) => reason !== 'none');
  return { enabled, reasons };
}

export type QueueCondition = 'ready' | 'paper_near_end' | 'paper_out' | 'media_jam' | 'cover_open' | 'offline';

/** The worst condition the reasons say, in the order a citizen is affected (suffixes -error/-warning/-report ignored). */
export function conditionOf(state: QueueState): QueueCondition {
  const reasons = new Set(state.reasons.map((reason) => reason.replace(/-(error|warning|report)$/, '')));
  if (!state.enabled || reasons.has('offline') || reasons.has('shutdown') || reasons.has('paused')) return 'offline';
  if (reasons.has('media-empty') || reasons.has('media-needed')) return 'paper_out';
  if (reasons.has('media-jam')) return 'media_jam';
  if (reasons.has('cover-open') || reasons.has('door-open')) return 'cover_open';
  if (reasons.has('media-low')) return 'paper_near_end';
  return 'ready';
}
