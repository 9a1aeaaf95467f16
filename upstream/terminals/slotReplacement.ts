import { ulid } from 'ulid';
import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { bindingOf, type TerminalBinding } from '../../main/contract/hallProtocol.js';
import type { TerminalRole } from '../../main/contract/terminal.js';
import { replacementReportSchema, type ReplacementReport } from '../../main/contract/terminalSlot.js';
import { lastBeatOf } from '../health/terminalOverview.js';
import type { TerminalRegistry } from '../identity/terminalRegistry.js';
import { unreportedLeasedNumbers } from '../queue/leasedNumbers.js';
import { startNewSequence } from '../sync/eventIntake.js';
import { SlotRefusal } from './terminalSlots.js';

/**
 * A broken box replaced by a new one that takes over its slot: the same
 * terminal id, binding and hall-managed config (the new box pulls the slot's
 * `config` scope from the start), its events numbered afresh. The old box's secret is revoked at once, so
 * nothing it sends later counts; what it had not delivered is reported, never
 * silently dropped: its last beat's backlog by event type, and the numbers
 * leased to it that it never reported (a citizen may hold one).
 */
export class SlotReplacement {
  constructor(
    private readonly db: Database,
    private readonly registry: TerminalRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Revokes the old box, records what it left undone, and returns the new box's one-time code with that report. */
  async replace(terminalId: string): Promise<{ code: string; binding: TerminalBinding; report: ReplacementReport }> {
    const { binding, report } = await this.db.transaction(async (tx) => {
      const terminal = await tx.get<{ role: string | null; window_number: number | null; enrolled_at: string; secret: string }>(
        'SELECT role, window_number, enrolled_at, secret FROM terminal WHERE id = ?',
        [terminalId],
      );
      if (!terminal?.role) throw new SlotRefusal('terminalId', `no enrolled terminal "${terminalId}" to replace: create its slot instead`);
      const report = await this.#report(tx, terminalId, terminal.enrolled_at);
      await tx.run('UPDATE terminal SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [report.replacedAt, terminalId]);
      await startNewSequence(tx, terminalId);
      await tx.run('INSERT INTO terminal_replacement (id, terminal_id, replaced_at, report, old_secret) VALUES (?, ?, ?, ?, ?)', [
        ulid(),
        terminalId,
        report.replacedAt,
        JSON.stringify(report),
        terminal.secret,
      ]);
      return { binding: bindingOf(terminal.role as TerminalRole, terminal.window_number), report };
    });
    return { code: await this.registry.issueCode(terminalId, binding), binding, report };
  }

  /** The secrets (sealed) of the boxes this terminal's slot went away from, newest first, with when. */
  async oldSecrets(terminalId: string): Promise<{ replacedAt: string; sealed: string }[]> {
    const rows = await this.db.all<{ replaced_at: string; old_secret: string }>(
      'SELECT replaced_at, old_secret FROM terminal_replacement WHERE terminal_id = ? AND old_secret IS NOT NULL ORDER BY replaced_at DESC',
      [terminalId],
    );
    return rows.map((row) => ({ replacedAt: row.replaced_at, sealed: row.old_secret }));
  }

  /** The latest replacements of any terminal, newest first. */
  async recent(limit = 20): Promise<ReplacementReport[]> {
    const rows = await this.db.all<{ report: string }>(
      'SELECT report FROM terminal_replacement ORDER BY replaced_at DESC, id DESC LIMIT ?',
      [limit],
    );
    return rows.map((row) => replacementReportSchema.parse(JSON.parse(row.report)));
  }

  async #report(tx: Queryable, terminalId: string, enrolledAt: string): Promise<ReplacementReport> {
    const last = await lastBeatOf(tx, terminalId);
    return {
      terminalId,
      replacedAt: this.now().toISOString(),
      oldEnrolledAt: enrolledAt,
      lastBeatAt: last?.at ?? null,
      undelivered: {
        events: last?.beat.backlog.events ?? 0,
        oldestAt: last?.beat.backlog.oldestAt ?? null,
        // A beat stored before terminals counted by type has none.
        byType: last?.beat.backlog.byType ?? {},
      },
      unreportedNumbers: await unreportedLeasedNumbers(tx, terminalId),
    };
  }
}
