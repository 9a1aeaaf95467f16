import type { Logger } from 'pino';
import { reconnectDelayMs } from '../../lib/backoff.js';
import type { Database } from '../../lib/sqlite/database.js';

interface DeliveryRow {
  id: string;
  url: string;
  body: string;
  attempts: number;
  next_attempt_at: number | string;
}

export interface AlertSenderOptions {
  db: Database;
  logger: Logger;
  now?: () => number;
  /** How often it looks for calls due (a queued alert pokes it sooner). */
  pollMs?: number;
  /** First retry after this long, doubling up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

/** A claimed call is not taken by another hall process for this long: longer than a call may take. */
const claimMs = 60_000;

/**
 * Makes the webhook calls the health desk queued (alert_delivery): for each
 * URL the oldest first, so "recovered" never overtakes its "raised"; a
 * failed call is retried with backoff and never dropped, and a call is
 * marked sent in the database before the next one to that URL starts.
 */
export class AlertSender {
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #busy: Promise<void> = Promise.resolve();
  #again = false;
  readonly #now: () => number;

  constructor(private readonly options: AlertSenderOptions) {
    this.#now = options.now ?? Date.now;
  }

  start(): void {
    this.#running = true;
    this.#timer = setInterval(() => this.poke(), this.options.pollMs ?? 1000);
    this.poke();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearInterval(this.#timer);
    await this.#busy;
  }

  /** Calls were queued (or may be due): send now rather than at the next poll. */
  poke(): void {
    if (!this.#running) return;
    if (this.#again) return;
    this.#again = true;
    this.#busy = this.#busy.then(async () => {
      this.#again = false;
      if (!this.#running) return;
      try {
        await this.sendDue();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'could not send alert webhooks; retrying');
      }
    });
  }

  /** One pass: the oldest unsent call of each URL, if it is due. Exposed for tests and the bench. */
  async sendDue(): Promise<number> {
    const pending = await this.options.db.all<DeliveryRow>(
      'SELECT id, url, body, attempts, next_attempt_at FROM alert_delivery WHERE delivered_at IS NULL ORDER BY id',
    );
    const heads = new Map<string, DeliveryRow>();
    for (const row of pending) if (!heads.has(row.url)) heads.set(row.url, row);
    const due = [...heads.values()].filter((row) => Number(row.next_attempt_at) <= this.#now());
    const sent = await Promise.all(due.map((row) => this.#send(row)));
    const delivered = sent.filter(Boolean).length;
    // A URL that took its call may have the next one waiting behind it.
    if (delivered > 0 && pending.length > heads.size) this.poke();
    return delivered;
  }

  async #send(row: DeliveryRow): Promise<boolean> {
    const claimed = await this.options.db.run('UPDATE alert_delivery SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ?', [
      this.#now() + claimMs,
      row.id,
      row.next_attempt_at,
    ]);
    if (claimed.changes !== 1) return false;
    let failure: string | null = null;
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: row.body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await response.body?.cancel();
      if (!response.ok) failure = `answered ${response.status}`;
    } catch (error) {
      failure = (error as Error).cause ? String((error as Error & { cause: unknown }).cause) : (error as Error).message;
    }
    if (failure === null) {
      await this.options.db.run('UPDATE alert_delivery SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?', [
        new Date(this.#now()).toISOString(),
        row.id,
      ]);
      return true;
    }
    const delay = reconnectDelayMs(row.attempts, Math.random, this.options.baseDelayMs ?? 2000, this.options.maxDelayMs ?? 300_000);
    if (row.attempts === 0) this.options.logger.warn({ url: row.url, reason: failure }, 'an alert webhook failed; retrying with backoff');
    await this.options.db.run('UPDATE alert_delivery SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?', [
      this.#now() + delay,
      failure,
      row.id,
    ]);
    return false;
  }
}
