import type { Logger } from '../../../lib/logger.js';
import type { Heartbeat } from '../../contract/health.js';
import type { HallClient } from '../../sync/hallClient.js';

export interface HeartbeatSenderOptions {
  client: HallClient;
  logger: Logger;
  intervalMs: number;
  collect(): Promise<Heartbeat>;
}

/**
 * Beats every interval, and at once when a device changes (the hall then
 * shows a fault within the beat it happened in, not up to one interval
 * later). A beat that fails is not retried: the next one carries the whole state.
 */
export class HeartbeatSender {
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #sending: Promise<void> | null = null;
  #again = false;
  #failing = false;

  constructor(private readonly options: HeartbeatSenderOptions) {}

  start(): void {
    this.#running = true;
    this.beatNow();
  }

  /** Beats now (or right after the beat under way), and restarts the interval from it. */
  beatNow(): void {
    if (!this.#running) return;
    if (this.#sending) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#sending = this.#send().finally(() => {
      this.#sending = null;
      if (this.#again) {
        this.#again = false;
        this.beatNow();
      } else if (this.#running) {
        this.#timer = setTimeout(() => this.beatNow(), this.options.intervalMs);
      }
    });
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#sending;
  }

  async #send(): Promise<void> {
    try {
      await this.options.client.heartbeat(await this.options.collect());
      if (this.#failing) this.options.logger.info('heartbeats reach the hall again');
      this.#failing = false;
    } catch (error) {
      if (!this.#failing)
        this.options.logger.warn({ err: error }, 'a heartbeat did not reach the hall; the next one carries the whole state');
      this.#failing = true;
    }
  }
}
