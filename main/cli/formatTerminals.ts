import type { OpenAlert, TerminalsOverview } from '../contract/health.js';

const alertText = (alert: OpenAlert) =>
  alert.kind === 'device' ? `${alert.device} ${alert.detail ?? alert.state}` : alert.kind === 'disk' ? `disk ${alert.detail}` : alert.kind;

const clock = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 19) : '-');

/** `onewindow hall terminals`: the operations view as a plain table, alerting terminals first. */
export function terminalsTable(overview: TerminalsOverview): string {
  const header = ['TERMINAL', 'ROLE', 'STATE', 'LAST BEAT (UTC)', 'ALERTS (SINCE)', 'VERSION', 'CONFIG PUB/APPLIED', 'BACKLOG', 'SCREEN'];
  const rows = overview.terminals.map((terminal) => [
    terminal.terminalId,
    terminal.window ? `${terminal.role} ${terminal.window}` : terminal.role,
    terminal.online ? (terminal.alerts.length > 0 ? 'ALERT' : 'online') : terminal.lastBeatAt ? 'OFFLINE' : 'never seen',
    clock(terminal.lastBeatAt),
    terminal.alerts.map((alert) => `${alertText(alert)} (${clock(alert.since).slice(11)})`).join(', ') || '-',
    terminal.version ?? '-',
    `${terminal.config.published}/${terminal.config.applied}`,
    String(terminal.backlog),
    terminal.screen ?? '-',
  ]);
  if (rows.length === 0) return 'no terminals enrolled';
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((value, column) => value.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
