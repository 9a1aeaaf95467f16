import { ulid } from 'ulid';
import type { Queryable } from '../../lib/sqlite/database.js';
import type { Rating } from '../../main/contract/queue.js';
import { caseSteps, type CaseStep, type RatingCase } from './caseSchema.js';
import type { WorkingCalendar } from '../../main/contract/hallQueue.js';
import { addWorkingDays } from './workingDays.js';

/** Why a case action is refused; the route answers with its status and code. */
export class CaseRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 409,
  ) {
    super(message);
  }
}

export interface CaseRules {
  timeZone: string;
  /** The hall's holidays and make-up working days. */
  calendar: WorkingCalendar;
  /** Working days each step is given (5 by default). */
  stepWorkingDays: number;
  now: () => Date;
}

interface CaseRow {
  id: string;
  ticket_label: string;
  business_day: string;
  service: string;
  window_number: number | null;
  score: number;
  reasons: string;
  opened_at: string;
  step: CaseStep;
  owner: string | null;
  due_at: string;
  closed_at: string | null;
}

/** The rated ticket as the case needs it. */
export interface RatedTicket {
  id: string;
  label: string;
  businessDay: string;
  service: string;
  window: number | null;
}

/**
 * 好差评 cases: each rating of 1–2 opens one (in the rating's transaction),
 * worked through verify → rectify → reply → review, each step owned and due
 * in working days; the list puts overdue cases first.
 */
export class RatingCases {
  constructor(
    private readonly db: Queryable,
    private readonly rules: CaseRules,
  ) {}

  #due(from: Date): string {
    return addWorkingDays(from, this.rules.stepWorkingDays, this.rules.timeZone, this.rules.calendar).toISOString();
  }

  /** Opens the ticket's case if the rating is a 差评; a later 差评 of the same ticket updates the open case's score. */
  async onRating(tx: Queryable, ticket: RatedTicket, rating: Rating): Promise<void> {
    if (rating.score > 2) return;
    const now = this.rules.now();
    await tx.run(
      `INSERT INTO rating_case (id, ticket_id, ticket_label, business_day, service, window_number, score, reasons, opened_at, step, owner, due_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'verify', NULL, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons`,
      [
        ulid(),
        ticket.id,
        ticket.label,
        ticket.businessDay,
        ticket.service,
        ticket.window,
        rating.score,
        JSON.stringify(rating.reasons),
        now.toISOString(),
        this.#due(now),
      ],
    );
  }

  /** Open cases, overdue first (then by deadline), then the closed ones, newest first. */
  async list(): Promise<RatingCase[]> {
    const now = this.rules.now().toISOString();
    const rows = await this.db.all<CaseRow>(
      `SELECT * FROM rating_case ORDER BY CASE WHEN closed_at IS NULL AND due_at < ? THEN 0 WHEN closed_at IS NULL THEN 1 ELSE 2 END,
         CASE WHEN closed_at IS NULL THEN due_at ELSE '' END, closed_at DESC`,
      [now],
    );
    return Promise.all(rows.map((row) => this.#shown(row, now)));
  }

  async get(id: string): Promise<RatingCase> {
    const row = await this.db.get<CaseRow>('SELECT * FROM rating_case WHERE id = ?', [id]);
    if (!row) throw new CaseRefusal('unknown_case', `no case ${id}`, 404);
    return this.#shown(row, this.rules.now().toISOString());
  }

  async assign(id: string, owner: string): Promise<RatingCase> {
    const current = await this.get(id);
    if (current.step === 'closed') throw new CaseRefusal('closed', `case ${current.ticketLabel} is closed`);
    await this.db.run('UPDATE rating_case SET owner = ? WHERE id = ?', [owner, id]);
    return this.get(id);
  }

  /** Completes the case's current step (named, so two people acting at once cannot complete the next one by mistake). */
  async complete(id: string, by: string, step: CaseStep, note: string, nextOwner?: string): Promise<RatingCase> {
    return this.db
      .transaction(async (tx) => {
        const row = await tx.get<CaseRow>('SELECT * FROM rating_case WHERE id = ?', [id]);
        if (!row) throw new CaseRefusal('unknown_case', `no case ${id}`, 404);
        if (row.step !== step) throw new CaseRefusal('wrong_step', `case ${row.ticket_label} is at step ${row.step}, not ${step}`);
        const now = this.rules.now();
        await tx.run('INSERT INTO rating_case_step (case_id, step, owner, due_at, done_at, done_by, note) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          id,
          step,
          row.owner,
          row.due_at,
          now.toISOString(),
          by,
          note,
        ]);
        const next = caseSteps[caseSteps.indexOf(step as (typeof caseSteps)[number]) + 1];
        if (next) {
          await tx.run('UPDATE rating_case SET step = ?, owner = ?, due_at = ? WHERE id = ?', [
            next,
            nextOwner ?? row.owner ?? by,
            this.#due(now),
            id,
          ]);
        } else {
          await tx.run("UPDATE rating_case SET step = 'closed', closed_at = ? WHERE id = ?", [now.toISOString(), id]);
        }
        return null;
      })
      .then(() => this.get(id));
  }

  async #shown(row: CaseRow, now: string): Promise<RatingCase> {
    const steps = await this.db.all<{
      step: CaseStep;
      owner: string | null;
      due_at: string;
      done_at: string;
      done_by: string;
      note: string;
    }>('SELECT step, owner, due_at, done_at, done_by, note FROM rating_case_step WHERE case_id = ? ORDER BY done_at', [row.id]);
    return {
      id: row.id,
      ticketLabel: row.ticket_label,
      businessDay: row.business_day,
      service: row.service,
      window: row.window_number,
      score: row.score,
      reasons: JSON.parse(row.reasons),
      openedAt: row.opened_at,
      step: row.step,
      owner: row.owner,
      dueAt: row.due_at,
      closedAt: row.closed_at,
      overdue: row.closed_at === null && row.due_at < now,
      history: steps.map((step) => ({
        step: step.step,
        owner: step.owner,
        dueAt: step.due_at,
        doneAt: step.done_at,
        doneBy: step.done_by,
        note: step.note,
      })),
    };
  }
}
