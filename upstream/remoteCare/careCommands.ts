import { randomUUID } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import { carePaths, type CareAction, type CareCommand, type CareCommandMessage, type CareResult } from '../../main/contract/remoteCare.js';

interface Row {
  id: string;
  terminal_id: string;
  action: CareAction;
  lines: number;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  state: CareCommand['state'];
  sent_at: string | null;
  finished_at: string | null;
  message: string | null;
  log_lines: string | null;
  has_png: number | boolean;
}

const columns = `id, terminal_id, action, lines, requested_by, requested_at, expires_at, state, sent_at, finished_at, message, log_lines,
  png IS NOT NULL AS has_png`;

function commandOf(row: Row): CareCommand {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    action: row.action,
    lines: Number(row.lines),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    state: row.state,
    sentAt: row.sent_at,
    finishedAt: row.finished_at,
    message: row.message,
    logLines: row.log_lines === null ? null : (JSON.parse(row.log_lines) as string[]),
    screenshotUrl: row.has_png ? `${carePaths.commands}/${row.id}/screenshot.png` : null,
  };
}

export class CareRefusal extends Error {}

/** The hall's table of care commands: requested, delivered (sent), finished with the terminal's result, or expired. */
export class CareCommands {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  async request(
    terminalId: string,
    action: CareAction,
    lines: number,
    requestedBy: string,
    expiresInSeconds: number,
  ): Promise<CareCommand> {
    const id = randomUUID();
    const now = this.now();
    await this.db.run(
      `INSERT INTO care_command (id, terminal_id, action, lines, requested_by, requested_at, expires_at, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
      [id, terminalId, action, lines, requestedBy, now.toISOString(), new Date(now.getTime() + expiresInSeconds * 1000).toISOString()],
    );
    return (await this.find(id))!;
  }

  async find(id: string): Promise<CareCommand | null> {
    const row = await this.db.get<Row>(`SELECT ${columns} FROM care_command WHERE id = ?`, [id]);
    return row ? commandOf(row) : null;
  }

  async list(terminalId: string | null, limit = 100): Promise<CareCommand[]> {
    await this.expire();
    const rows = terminalId
      ? await this.db.all<Row>(`SELECT ${columns} FROM care_command WHERE terminal_id = ? ORDER BY requested_at DESC LIMIT ?`, [
          terminalId,
          limit,
        ])
      : await this.db.all<Row>(`SELECT ${columns} FROM care_command ORDER BY requested_at DESC LIMIT ?`, [limit]);
    return rows.map(commandOf);
  }

  async screenshot(id: string): Promise<Buffer | null> {
    const row = await this.db.get<{ png: string | null }>('SELECT png FROM care_command WHERE id = ?', [id]);
    return row?.png ? Buffer.from(row.png, 'base64') : null;
  }

  /**
   * What `terminalId` should be sent now: pending commands, and those sent
   * to an earlier connection that never answered (the terminal drops one it
   * already ran). Expired ones are marked so and never sent.
   */
  async due(terminalId: string): Promise<CareCommandMessage[]> {
    await this.expire();
    const rows = await this.db.all<{ id: string; action: CareAction; lines: number }>(
      "SELECT id, action, lines FROM care_command WHERE terminal_id = ? AND state IN ('pending', 'sent') ORDER BY requested_at",
      [terminalId],
    );
    return rows.map((row) => ({ type: 'care', id: row.id, action: row.action, lines: Number(row.lines) }));
  }

  /** Terminals with pending commands (written by this process or another, e.g. the hall CLI). */
  async waitingTerminals(): Promise<string[]> {
    const rows = await this.db.all<{ terminal_id: string }>(
      "SELECT DISTINCT terminal_id FROM care_command WHERE state = 'pending' AND expires_at > ?",
      [this.now().toISOString()],
    );
    return rows.map((row) => row.terminal_id);
  }

  async markSent(id: string): Promise<void> {
    await this.db.run("UPDATE care_command SET state = 'sent', sent_at = ? WHERE id = ? AND state IN ('pending', 'sent')", [
      this.now().toISOString(),
      id,
    ]);
  }

  /** The terminal's answer; only the terminal the command was for may give it, and only once. */
  async finish(terminalId: string, result: CareResult): Promise<CareCommand> {
    const outcome = await this.db.run(
      `UPDATE care_command SET state = ?, finished_at = ?, message = ?, log_lines = ?, png = ?
       WHERE id = ? AND terminal_id = ? AND state IN ('pending', 'sent')`,
      [
        result.ok ? 'done' : 'failed',
        this.now().toISOString(),
        result.message,
        result.lines ? JSON.stringify(result.lines) : null,
        result.png ?? null,
        result.id,
        terminalId,
      ],
    );
    if (outcome.changes !== 1) throw new CareRefusal(`no open command ${result.id} for terminal ${terminalId}`);
    return (await this.find(result.id))!;
  }

  async expire(): Promise<void> {
    await this.db.run("UPDATE care_command SET state = 'expired' WHERE state IN ('pending', 'sent') AND expires_at <= ?", [
      this.now().toISOString(),
    ]);
  }
}
