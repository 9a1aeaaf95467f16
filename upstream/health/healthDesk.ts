import { monotonicFactory } from 'ulid';
import type { Database, Queryable } from '../../lib/sqlite/database.js';
import type { AlertMessage, AlertsConfig, Heartbeat, OpenAlert } from '../../main/contract/health.js';
import type { Caller } from '../http/hallRoute.js';
import { alertMessage, alertsOfBeat, beatChanges, diskAlertOfBeat, transition, type Transition } from './healthTransitions.js';

interface HealthRow {
  terminal_id: string;
  beat: string;
  last_beat_at: string;
  offline_after: number | string;
  offline_since: string | null;
  alerts: string;
  revision: number;
}

/** Ids in the order they are made, even within a millisecond: history and deliveries are read in that order. */
const ulid = monotonicFactory();

/** Another hall process wrote the same terminal's row in between: the work is done again on what it wrote. */
class LostRace extends Error {}

/**
 * The hall's record of its terminals' health: the latest beat, the open
 * alerts, a history of changes, and the webhook calls each raised or
 * recovered alert owes, all written in one transaction with the change.
 */
export class HealthDesk {
  constructor(
    private readonly db: Database,
    private readonly config: AlertsConfig,
    private readonly now: () => Date,
    /** Something a staff member sees changed; `alerted`: webhook calls were queued. */
    private readonly onChanged: (alerted: boolean) => void = () => undefined,
  ) {}

  /** Takes one beat of `caller` (the signed terminal, whose role and window the hall bound at enrollment). */
  async beat(caller: Caller, beat: Heartbeat): Promise<Date> {
    const at = this.now();
    const stored: Heartbeat = { ...beat, role: caller.role, window: caller.window };
    const alerted = await this.#retrying((tx) => this.#beat(tx, stored, at));
    this.onChanged(alerted);
    return at;
  }

  async #beat(tx: Queryable, beat: Heartbeat, at: Date): Promise<boolean> {
    const row = await tx.get<HealthRow>('SELECT * FROM terminal_health WHERE terminal_id = ?', [beat.terminalId]);
    const open: OpenAlert[] = row ? JSON.parse(row.alerts) : [];
    const step = transition(
      open.filter((alert) => alert.kind !== 'offline'),
      [...alertsOfBeat(beat, this.config.backlogThreshold), ...diskAlertOfBeat(beat, this.config.diskFloorMegabytes, open)],
      at,
    );
    const wasOffline = open.find((alert) => alert.kind === 'offline');
    if (wasOffline) {
      step.recovered.push(wasOffline);
      step.changes.push({ online: true });
    }
    step.changes.unshift(...beatChanges(row ? JSON.parse(row.beat) : null, beat));
    const offlineAfter = at.getTime() + this.config.missedBeats * beat.intervalSeconds * 1000;
    const values = [JSON.stringify(beat), at.toISOString(), offlineAfter, JSON.stringify(step.alerts)];
    if (!row) {
      const inserted = await tx.run(
        `INSERT INTO terminal_health (beat, last_beat_at, offline_after, alerts, offline_since, revision, terminal_id) VALUES (?, ?, ?, ?, NULL, 1, ?)
         ON CONFLICT (terminal_id) DO NOTHING`,
        [...values, beat.terminalId],
      );
      if (inserted.changes !== 1) throw new LostRace();
    } else {
      const updated = await tx.run(
        `UPDATE terminal_health SET beat = ?, last_beat_at = ?, offline_after = ?, alerts = ?, offline_since = NULL, revision = revision + 1
         WHERE terminal_id = ? AND revision = ?`,
        [...values, beat.terminalId, row.revision],
      );
      if (updated.changes !== 1) throw new LostRace();
    }
    return this.#record(tx, beat.terminalId, step, at);
  }

  /**
   * After a hall (re)start, gives each terminal one whole window from now
   * before it can count as offline: beats it sent while the hall was down
   * were lost, and are no sign that the terminal is.
   */
  async graceAfterStart(): Promise<void> {
    const at = this.now().getTime();
    const rows = await this.db.all<Pick<HealthRow, 'terminal_id' | 'last_beat_at' | 'offline_after'>>(
      'SELECT terminal_id, last_beat_at, offline_after FROM terminal_health WHERE offline_since IS NULL AND offline_after < ?',
      [at + 3600_000],
    );
    for (const row of rows) {
      const window = Number(row.offline_after) - Date.parse(row.last_beat_at);
      await this.db.run('UPDATE terminal_health SET offline_after = ? WHERE terminal_id = ? AND offline_after = ?', [
        Math.max(Number(row.offline_after), at + window),
        row.terminal_id,
        row.offline_after,
      ]);
    }
  }

  /** Marks offline every terminal whose deadline (its missed beats) passed; returns their ids. */
  async sweep(): Promise<string[]> {
    const at = this.now();
    const late = await this.db.all<{ terminal_id: string }>(
      'SELECT terminal_id FROM terminal_health WHERE offline_since IS NULL AND offline_after < ? ORDER BY terminal_id',
      [at.getTime()],
    );
    const marked: string[] = [];
    for (const { terminal_id: terminalId } of late) {
      const done = await this.#retrying(async (tx) => {
        const row = await tx.get<HealthRow>('SELECT * FROM terminal_health WHERE terminal_id = ?', [terminalId]);
        if (!row || row.offline_since !== null || Number(row.offline_after) >= at.getTime()) return false;
        const offline: OpenAlert = { kind: 'offline', device: null, state: null, detail: null, since: at.toISOString() };
        const alerts = [offline, ...(JSON.parse(row.alerts) as OpenAlert[])];
        const updated = await tx.run(
          'UPDATE terminal_health SET offline_since = ?, alerts = ?, revision = revision + 1 WHERE terminal_id = ? AND revision = ?',
          [at.toISOString(), JSON.stringify(alerts), terminalId, row.revision],
        );
        if (updated.changes !== 1) throw new LostRace();
        await this.#record(tx, terminalId, { alerts, raised: [offline], recovered: [], changes: [{ online: false }] }, at);
        return true;
      });
      if (done) marked.push(terminalId);
    }
    if (marked.length > 0) this.onChanged(true);
    return marked;
  }

  /** History lines and one webhook call per URL for each alert raised or recovered; returns whether any call was queued. */
  async #record(tx: Queryable, terminalId: string, step: Transition, at: Date): Promise<boolean> {
    for (const change of step.changes) {
      await tx.run('INSERT INTO terminal_health_change (id, terminal_id, at, change) VALUES (?, ?, ?, ?)', [
        ulid(),
        terminalId,
        at.toISOString(),
        JSON.stringify(change),
      ]);
    }
    const messages: AlertMessage[] = [
      ...step.raised.map((alert) => alertMessage(ulid(), terminalId, alert, 'raised', at)),
      ...step.recovered.map((alert) => alertMessage(ulid(), terminalId, alert, 'recovered', at)),
    ];
    for (const message of messages) {
      for (const url of this.config.webhooks) {
        await tx.run(
          'INSERT INTO alert_delivery (id, url, body, created_at, attempts, next_attempt_at, delivered_at, last_error) VALUES (?, ?, ?, ?, 0, ?, NULL, NULL)',
          [ulid(), url, JSON.stringify(message), at.toISOString(), at.getTime()],
        );
      }
    }
    return messages.length > 0 && this.config.webhooks.length > 0;
  }

  /** A terminal's history of changes, newest first. */
  async history(terminalId: string, limit = 50): Promise<{ at: string; change: Record<string, unknown> }[]> {
    const rows = await this.db.all<{ at: string; change: string }>(
      'SELECT at, change FROM terminal_health_change WHERE terminal_id = ? ORDER BY id DESC LIMIT ?',
      [terminalId, limit],
    );
    return rows.map((row) => ({ at: row.at, change: JSON.parse(row.change) }));
  }

  async #retrying<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.db.transaction(work);
      } catch (error) {
        if (!(error instanceof LostRace) || attempt >= 5) throw error;
      }
    }
  }
}
