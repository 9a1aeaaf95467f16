import type { Database } from '../../../lib/sqlite/database.js';
import type { LedDisplay } from '../../../drivers/led-display/ledDisplay.js';
import { ServiceError } from '../../contract/errors.js';
import type { CounterAction, CounterResult, CounterState, Rating } from '../../contract/queue.js';
import type { z } from 'zod';
import type { evaluationRequestSchema } from '../../contract/queue.js';
import type { Logger } from '../../../lib/logger.js';
import { QueueCacheRepository } from './queueCacheRepository.js';
import type { HallClient } from '../../sync/hallClient.js';
import { fromHall } from '../hallAnswer.js';
import { loadQueueSnapshot } from './queueSnapshot.js';
import { counterState } from './queueViews.js';

type EvaluationRequest = z.infer<typeof evaluationRequestSchema>;

export interface CounterWindowOptions {
  db: Database;
  client: HallClient | null;
  window: number;
  /** The window's LED display, or null when none is fitted or it is unplugged. */
  led: () => LedDisplay | null;
  logger: Logger;
  /** The local queue copy changed (this window's action applied). */
  onChanged: () => void;
  /** A citizen's ticket was finished here: the evaluation screen asks them to rate it. */
  onEvaluationRequested: (request: EvaluationRequest) => void;
  /** A rating to send to the hall (outbox: it survives the hall being away). */
  recordRating: (rating: Rating) => Promise<void>;
}

/** LED texts: the call, and what the window shows between calls. */
export function ledText(window: number, result: Pick<CounterResult, 'current' | 'window'>): string {
  if (result.current) return `请${result.current.label}号到${window}号窗口`;
  if (result.window.pausedReason) return `${window}号窗口 暂停服务`;
  return `${window}号窗口 欢迎光临`;
}

/**
 * A counter window: the clerk's actions go to the hall (which alone decides
 * who is called), their result lands in the local copy at once, the LED
 * shows the call, and a finished citizen is asked to rate the service.
 */
export class CounterWindow {
  #pending: EvaluationRequest | null = null;

  constructor(private readonly options: CounterWindowOptions) {}

  async state(): Promise<CounterState> {
    return counterState(await loadQueueSnapshot(this.options.db, new Date(), 'shown'), this.options.window);
  }

  async act(act: CounterAction): Promise<CounterState> {
    const { client, window } = this.options;
    if (!client) throw new ServiceError('unavailable', 'this counter is not enrolled with a hall server');
    let result: CounterResult;
    try {
      result = await client.counter(window, act);
    } catch (error) {
      throw fromHall(error);
    }
    // The hall has it: a copy lost in a power cut is pulled again, so no wait for the disk.
    const tickets = [result.current, result.left].flatMap((ticket) => (ticket ? [ticket] : []));
    await this.options.db.cacheTransaction((tx) => new QueueCacheRepository(tx).putAnswered({ windows: [result.window], tickets }));
    this.options.onChanged();
    // The clerk's answer does not wait for the LED's acknowledgement; its commands still go out in order.
    void this.#showOnLed(result);
    if (result.left?.status === 'finished') {
      this.#pending = { ticketId: result.left.id, label: result.left.label, window };
      this.options.onEvaluationRequested(this.#pending);
    }
    return this.state();
  }

  pendingEvaluation(): EvaluationRequest | null {
    return this.#pending;
  }

  async rate(rating: Rating): Promise<void> {
    if (this.#pending?.ticketId !== rating.ticketId)
      throw new ServiceError('not_found', 'that ticket is not waiting for a rating at this window');
    await this.options.recordRating(rating);
    this.#pending = null;
  }

  /** The LED is a courtesy: a failure is logged (the device manager reports the device), the call stands. */
  async #showOnLed(result: CounterResult): Promise<void> {
    const led = this.options.led();
    if (!led) return;
    await led
      .show(ledText(this.options.window, result))
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'the LED display did not take the text'));
  }
}
