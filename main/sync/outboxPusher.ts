import type { Database } from '../../lib/sqlite/database.js';
import { maxPushBatch, type PushResponse } from '../contract/syncProtocol.js';
import { reconnectDelayMs } from '../../lib/backoff.js';
import type { Logger } from '../../lib/logger.js';
import { OutboxRepository } from '../store/outboxRepository.js';
import type { HallClient } from './hallClient.js';

export interface OutboxPusherOptions {
  db: Database;
  client: HallClient;
  logger: Logger;
  batchSize?: number;
  /** How long to wait when the outbox is empty before looking again (a nudge looks at once). */
  idleMs?: number;
  onPushed?: (result: { backlog: number; at: Date }) => void;
}

/**
 * Sends the outbox to the hall server, oldest first, in batches; forgets
 * what the hall acknowledged, in one transaction per batch. Failures wait
 * with exponential backoff and jitter; nothing leaves the outbox until the
 * hall has answered for it, so delivery is at-least-once and the hall's
 * deduplication makes the effect exactly-once.
 */
export class OutboxPusher {
  readonly #outbox: OutboxRepository;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #busy: Promise<void> | null = null;
  #failures = 0;
  #stopped = false;

  constructor(private readonly options: OutboxPusherOptions) {
    this.#outbox = new OutboxRepository(options.db);
  }

  start(): void {
    this.#running = true;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Something was appended: push soon rather than at the next idle tick. */
  nudge(): void {
    if (this.#running && !this.#busy && this.#failures === 0) this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#busy;
  }

  /**
   * Pushes until the outbox is empty; returns how many events it settled.
   * While the hall takes one batch, the next is read, and the answer for one
   * is committed while the hall takes the next: a terminal crashing in
   * between sends the unsettled batch again, which the hall acknowledges
   * without storing it twice.
   */
  async drain(): Promise<number> {
    const size = this.options.batchSize ?? maxPushBatch;
    let settled = 0;
    let settling: Promise<void> = Promise.resolve();
    let batch = await this.#outbox.pending(size);
    // A stop waits for the batch in flight, not for the whole backlog.
    while (batch.length > 0 && !this.#stopped) {
      const [answer, ahead] = await Promise.all([
        // A push that throws at once must still reach Promise.all, which also awaits the settle before it.
        Promise.resolve().then(() => this.options.client.push(batch)),
        this.#outbox.pending(size, batch.at(-1)!.seq + 1),
        settling,
      ]);
      if (answer.resendFrom !== null && answer.acknowledged.length === 0 && answer.rejected.length === 0) {
        throw new Error(
          `the hall server misses events before sequence ${batch[0]!.seq} (asks from ${answer.resendFrom}); they are no longer in this outbox`,
        );
      }
      settling = this.#settle(answer);
      settled += answer.acknowledged.length + answer.rejected.length;
      // A gap, or an answer for fewer than were sent, leaves the hall's cursor where the batch read ahead does not start.
      const whole = answer.resendFrom === null && answer.acknowledged.length + answer.rejected.length === batch.length;
      batch = whole ? ahead : await settling.then(() => this.#outbox.pending(size));
    }
    await settling;
    return settled;
  }

  async #settle(answer: PushResponse): Promise<void> {
    await this.options.db.transaction((tx) => new OutboxRepository(tx).settle(answer.acknowledged, answer.rejected));
    for (const { id, reason } of answer.rejected) this.options.logger.warn({ id, reason }, 'the hall server refused an outbox event');
    this.options.onPushed?.({ backlog: await this.#outbox.backlog(), at: new Date() });
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      this.#busy = this.#run().finally(() => (this.#busy = null));
    }, delayMs);
  }

  async #run(): Promise<void> {
    try {
      // Events appended while it drained are looked for at once.
      const settled = await this.drain();
      this.#failures = 0;
      this.#schedule(settled > 0 ? 0 : (this.options.idleMs ?? 5000));
    } catch (error) {
      if (this.#failures === 0) this.options.logger.warn({ err: error }, 'pushing the outbox failed; retrying with backoff');
      this.#schedule(reconnectDelayMs(this.#failures++));
    }
  }
}
