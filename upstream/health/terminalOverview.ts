import type { Database, Queryable } from '../../lib/sqlite/database.js';
import type { Heartbeat, OpenAlert, TerminalHealth, TerminalsOverview } from '../../main/contract/health.js';
import type { TerminalRole } from '../../main/contract/terminal.js';
import { visibleTo } from '../sync/scopeVisibility.js';

interface Row {
  id: string;
  role: TerminalRole | null;
  window_number: number | null;
  beat: string | null;
  last_beat_at: string | null;
  offline_since: string | null;
  offline_after: number | string | null;
  alerts: string | null;
}

/** The newest `config` change a terminal may see: what the hall has published for it. */
function publishedFor(terminalId: string, heads: readonly { item_key: string; head: number | string }[]): number {
  return Math.max(0, ...heads.filter((head) => visibleTo(terminalId, 'config', head.item_key)).map((head) => Number(head.head)));
}

/** Alerting (or offline, or never heard from) first, then by id: what needs someone stands at the top. */
export function byUrgency(a: TerminalHealth, b: TerminalHealth): number {
  const weight = (terminal: TerminalHealth) => (terminal.alerts.length > 0 || !terminal.online ? 0 : 1);
  return weight(a) - weight(b) || a.terminalId.localeCompare(b.terminalId);
}

/** Every enrolled terminal with its latest beat: the operations view, its API and `onewindow hall terminals`. */
export async function terminalsOverview(db: Database, at: Date): Promise<TerminalsOverview> {
  const rows = await db.all<Row>(
    `SELECT t.id, t.role, t.window_number, h.beat, h.last_beat_at, h.offline_since, h.offline_after, h.alerts
     FROM terminal t LEFT JOIN terminal_health h ON h.terminal_id = t.id
     WHERE t.revoked_at IS NULL ORDER BY t.id`,
  );
  const heads = await db.all<{ item_key: string; head: number | string }>(
    "SELECT item_key, MAX(seq) AS head FROM hall_change WHERE scope = 'config' GROUP BY item_key",
  );
  const terminals = rows
    .filter((row) => row.role !== null)
    .map((row): TerminalHealth => {
      const beat: Heartbeat | null = row.beat ? JSON.parse(row.beat) : null;
      const alerts: OpenAlert[] = row.alerts ? JSON.parse(row.alerts) : [];
      return {
        terminalId: row.id,
        role: row.role!,
        window: row.window_number,
        // Past its deadline counts as offline even before the hall's sweep (or with no hall running: the CLI) marks it.
        online: beat !== null && row.offline_since === null && Number(row.offline_after) >= at.getTime(),
        lastBeatAt: row.last_beat_at,
        version: beat?.version ?? null,
        uptimeSeconds: beat?.uptimeSeconds ?? null,
        screen: beat?.screen ?? null,
        devices: beat?.devices ?? [],
        backlog: beat?.backlog.events ?? 0,
        oldestEventAt: beat?.backlog.oldestAt ?? null,
        lastPullAt: beat?.lastPullAt ?? null,
        config: { published: publishedFor(row.id, heads), applied: beat?.configApplied ?? 0 },
        freeDiskBytes: beat?.freeDiskBytes ?? null,
        freeMemoryBytes: beat?.freeMemoryBytes ?? null,
        alerts,
      };
    })
    .sort(byUrgency);
  return { at: at.toISOString(), terminals };
}

/** A terminal's latest beat as the hall kept it, and when; null if it never beat. */
export async function lastBeatOf(db: Queryable, terminalId: string): Promise<{ beat: Heartbeat; at: string } | null> {
  const row = await db.get<{ beat: string; last_beat_at: string }>('SELECT beat, last_beat_at FROM terminal_health WHERE terminal_id = ?', [
    terminalId,
  ]);
  return row ? { beat: JSON.parse(row.beat), at: row.last_beat_at } : null;
}
