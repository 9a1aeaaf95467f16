import type { Database } from '../../lib/sqlite/database.js';
import { maxPushBatch } from '../contract/syncProtocol.js';
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

  constructor(private readonly options: OutboxPusherOptions) {
    this.#outbox = new OutboxRepository(options.db);
  }

  start(): void {
    this.#running = true;
    this.#schedule(0);
  }

  /** Something was appended: push soon rather than at the next idle tick. */
  nudge(): void {
    if (this.#running && !this.#busy && this.#failures === 0) this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#busy;
  }

  /** One batch: returns how many events it settled (0 when the outbox was empty). */
  async pushBatch(): Promise<number> {
    const batch = await this.#outbox.pending(this.options.batchSize ?? maxPushBatch);
    if (batch.length === 0) return 0;
    const answer = await this.options.client.push(batch);
    await this.options.db.transaction((tx) => new OutboxRepository(tx).settle(answer.acknowledged, answer.rejected));
    for (const { id, reason } of answer.rejected) this.options.logger.warn({ id, reason }, 'the hall server refused an outbox event');
    if (answer.resendFrom !== null && answer.acknowledged.length === 0 && answer.rejected.length === 0) {
      throw new Error(
        `the hall server misses events before sequence ${batch[0]!.seq} (asks from ${answer.resendFrom}); they are no longer in this outbox`,
      );
    }
    this.options.onPushed?.({ backlog: await this.#outbox.backlog(), at: new Date() });
    return answer.acknowledged.length + answer.rejected.length;
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
      const settled = await this.pushBatch();
      this.#failures = 0;
      this.#schedule(settled > 0 ? 0 : (this.options.idleMs ?? 5000));
    } catch (error) {
      if (this.#failures === 0) this.options.logger.warn({ err: error }, 'pushing the outbox failed; retrying with backoff');
      this.#schedule(reconnectDelayMs(this.#failures++));
    }
  }
}
