import { ulid } from 'ulid';
import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { helpKey, type HelpCall } from '../../main/contract/help.js';
import type { ChangeLog } from '../sync/changeLog.js';
import type { Caller } from '../http/hallRoute.js';

/** A help action the hall refuses: the call is gone, or is another kiosk's. */
export class HelpRefusal extends Error {
  constructor(
    readonly code: 'unknown_call' | 'not_your_call',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'HelpRefusal';
  }
}

interface HelpRow {
  id: string;
  terminal_id: string;
  screen: string;
  raised_at: string;
  status: 'waiting' | 'coming' | 'closed';
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_window: number | null;
}

const callOf = (row: HelpRow): HelpCall => ({
  id: row.id,
  terminalId: row.terminal_id,
  screen: row.screen,
  raisedAt: row.raised_at,
  status: row.status === 'coming' ? 'coming' : 'waiting',
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by === null ? null : { terminalId: row.acknowledged_by, window: row.acknowledged_window },
});

/**
 * The hall's help calls. Each open call is an item of scope `help`, so every
 * counter hears of it at once over the live channel, and the kiosk hears
 * that a clerk is coming the same way; a closed call leaves the scope.
 */
export class HelpDesk {
  constructor(
    private readonly db: Database,
    private readonly changes: ChangeLog,
    private readonly now: () => Date,
    /** After a change commits: the live channel announces it now rather than at its next poll. */
    private readonly onCommitted: () => void,
  ) {}

  /** A kiosk's call; pressing again while one is open gives the same call (and the clerk already coming). */
  raise(terminalId: string, screen: string): Promise<HelpCall> {
    return this.#change(async (tx) => {
      const open = await tx.get<HelpRow>("SELECT * FROM help_call WHERE terminal_id = ? AND status <> 'closed'", [terminalId]);
      if (open) {
        if (open.screen === screen) return callOf(open);
        await tx.run('UPDATE help_call SET screen = ? WHERE id = ?', [screen, open.id]);
        return this.#publish(tx, callOf({ ...open, screen }));
      }
      const row: HelpRow = {
        id: `H-${ulid()}`,
        terminal_id: terminalId,
        screen,
        raised_at: this.now().toISOString(),
        status: 'waiting',
        acknowledged_at: null,
        acknowledged_by: null,
        acknowledged_window: null,
      };
      await tx.run("INSERT INTO help_call (id, terminal_id, screen, raised_at, status) VALUES (?, ?, ?, ?, 'waiting')", [
        row.id,
        terminalId,
        screen,
        row.raised_at,
      ]);
      return this.#publish(tx, callOf(row));
    });
  }

  /** A clerk is on the way; the first to acknowledge is the one the kiosk names, a later one changes nothing. */
  acknowledge(id: string, responder: Caller): Promise<HelpCall> {
    return this.#change(async (tx) => {
      const row = await this.#open(tx, id);
      if (row.status === 'coming') return callOf(row);
      const acknowledged: HelpRow = {
        ...row,
        status: 'coming',
        acknowledged_at: this.now().toISOString(),
        acknowledged_by: responder.terminalId,
        acknowledged_window: responder.window,
      };
      await tx.run(
        "UPDATE help_call SET status = 'coming', acknowledged_at = ?, acknowledged_by = ?, acknowledged_window = ? WHERE id = ?",
        [acknowledged.acknowledged_at, acknowledged.acknowledged_by, acknowledged.acknowledged_window, id],
      );
      return this.#publish(tx, callOf(acknowledged));
    });
  }

  /** The kiosk that raised the call is done with it (its citizen left, or was helped). */
  close(id: string, terminalId: string): Promise<void> {
    return this.#change(async (tx) => {
      const row = await this.#open(tx, id);
      if (row.terminal_id !== terminalId) throw new HelpRefusal('not_your_call', `call ${id} is not this kiosk's`, 403);
      await tx.run("UPDATE help_call SET status = 'closed', closed_at = ? WHERE id = ?", [this.now().toISOString(), id]);
      await this.changes.recordIn(tx, 'help', helpKey(id), null);
    });
  }

  /** The open calls, oldest first: what a counter or the hall's operations view shows. */
  async open(): Promise<HelpCall[]> {
    const rows = await this.db.all<HelpRow>("SELECT * FROM help_call WHERE status <> 'closed' ORDER BY raised_at, id");
    return rows.map(callOf);
  }

  async #open(tx: Queryable, id: string): Promise<HelpRow> {
    const row = await tx.get<HelpRow>("SELECT * FROM help_call WHERE id = ? AND status <> 'closed'", [id]);
    if (!row) throw new HelpRefusal('unknown_call', `no open help call ${id}`, 404);
    return row;
  }

  async #publish(tx: Queryable, call: HelpCall): Promise<HelpCall> {
    await this.changes.recordIn(tx, 'help', helpKey(call.id), call);
    return call;
  }

  async #change<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(async (tx) => {
      // As queue changes do: take the change-log counter's row first, so PostgreSQL orders these transactions up front.
      await tx.run("UPDATE hall_counter SET value = value WHERE name = 'change_seq'");
      return work(tx);
    });
    this.onCommitted();
    return result;
  }
}
