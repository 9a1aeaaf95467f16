import { queueKeys } from '../../main/contract/queueKeys.js';
import type { Database, Queryable } from '../../lib/sqlite/database.js';
import { businessDay } from '../../main/contract/businessDay.js';
import type { QueueTicket, QueueWindow } from '../../main/contract/queue.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { ChangeLog, RecordedChange } from '../sync/changeLog.js';
import { forgetFigureDay } from '../statistics/figureStore.js';
import { QueueRefusal } from './queueRefusal.js';
import { isPostgres } from '../../lib/postgres/postgresDatabase.js';

/** A transaction's queue changes for terminals, recorded together before it commits. */
interface Published {
  /** Business days whose rolled-up figures the changes make stale. */
  days: Set<string>;
  items: [key: string, value: unknown][];
}

/** What the hall's queue parts share: its store, its rules, its clock, and how terminals learn of a change. */
export class QueueContext {
  readonly #postgres: boolean;
  readonly #published = new WeakMap<Queryable, Published>();

  constructor(
    readonly db: Database,
    readonly config: HallQueue,
    private readonly changes: ChangeLog,
    readonly now: () => Date,
    /**
     * Called after a queue change commits, with the changes it recorded for terminals (none, for a change that
     * changed nothing they see): the live channel announces them at once, without reading them back.
     */
    private readonly onCommitted: (changes: readonly RecordedChange[]) => void,
  ) {
    this.#postgres = isPostgres(db);
  }

  today(): string {
    return businessDay(this.now(), this.config.resetHour, this.config.timeZone);
  }

  service(code: string) {
    const service = this.config.services.find((candidate) => candidate.code === code);
    if (!service) throw new QueueRefusal('unknown_service', `the hall has no service "${code}"`, 400);
    return service;
  }

  windowServices(window: number): string[] {
    const configured = this.config.windows.find((candidate) => candidate.window === window);
    if (!configured) throw new QueueRefusal('unknown_window', `the hall has no window ${window} in its queue configuration`, 404);
    return configured.services;
  }

  /** Runs a queue change in one transaction, then tells the live channel. */
  async change<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let recorded: RecordedChange[] = [];
    const result = await this.db.transaction(async (tx) => {
      // A queue change that publishes ends by taking the change-log counter's row lock; taking it first
      // orders PostgreSQL's queue transactions up front instead of deadlocking two counters
      // that each hold a ticket row and wait for the counter. SQLite's BEGIN IMMEDIATE already serializes.
      if (this.#postgres) await tx.run("UPDATE hall_counter SET value = value WHERE name = 'change_seq'");
      const published: Published = { days: new Set(), items: [] };
      this.#published.set(tx, published);
      try {
        const result = await work(tx);
        recorded = await this.#record(tx, published);
        return result;
      } finally {
        this.#published.delete(tx);
      }
    });
    this.onCommitted(recorded);
    return result;
  }

  /** Records a ticket's change for terminals; a change to a day already rolled up has it rolled up again. */
  publishTicket(tx: Queryable, ticket: QueueTicket): Promise<void> {
    return this.#publish(tx, queueKeys.ticket(ticket.id), ticket, ticket.businessDay);
  }

  publishWindow(tx: Queryable, window: QueueWindow): Promise<void> {
    return this.#publish(tx, queueKeys.window(window.window), window, null);
  }

  /**
   * Within `change`, what is published is recorded at the end of its work, all at once (a call-next's two tickets
   * and window in two statements, its day forgotten once); in another caller's transaction (the event intake's),
   * at once. A savepoint inside `change` is another transaction object and would record at once, ahead of what
   * `change` collected: queue work publishes on the transaction it was given, never on a nested one.
   */
  async #publish(tx: Queryable, key: string, value: unknown, day: string | null): Promise<void> {
    const collecting = this.#published.get(tx);
    const published = collecting ?? { days: new Set<string>(), items: [] };
    if (day) published.days.add(day);
    published.items.push([key, value]);
    if (!collecting) await this.#record(tx, published);
  }

  async #record(tx: Queryable, { days, items }: Published): Promise<RecordedChange[]> {
    for (const day of days) await forgetFigureDay(tx, day);
    return this.changes.recordAllIn(tx, 'queue', items);
  }

  /** The services, the day rules and the windows, published for terminals; run at the hall's start. */
  async publishSetup(): Promise<void> {
    const { hallName, resetHour, timeZone, recallsBeforeSkip } = this.config;
    await this.changes.set('queue', queueKeys.rules, { hallName, resetHour, timeZone, recallsBeforeSkip });
    for (const [position, service] of this.config.services.entries()) {
      await this.changes.set('queue', queueKeys.service(service.code), {
        code: service.code,
        name: service.name,
        usualServiceMinutes: service.usualServiceMinutes,
        position,
      });
    }
    for (const { window } of this.config.windows) {
      await this.db.run(
        'INSERT INTO queue_window (window_number, paused_reason, current_ticket_id) VALUES (?, NULL, NULL) ON CONFLICT (window_number) DO NOTHING',
        [window],
      );
      const row = (await this.db.get<{ paused_reason: QueueWindow['pausedReason']; current_ticket_id: string | null }>(
        'SELECT paused_reason, current_ticket_id FROM queue_window WHERE window_number = ?',
        [window],
      ))!;
      await this.changes.set('queue', queueKeys.window(window), {
        window,
        services: this.windowServices(window),
        pausedReason: row.paused_reason,
        currentTicketId: row.current_ticket_id,
      });
    }
  }
}
