import type { Logger } from '../../lib/logger.js';
import { reconnectDelayMs } from '../../lib/backoff.js';
import type { HallLinkState } from '../contract/status.js';
import { HallRequestError, type HallClient } from './hallClient.js';

export interface HallLinkOptions {
  client: HallClient;
  logger: Logger;
  onContact: (state: HallLinkState, at: Date) => void;
  intervalMs?: number;
}

/**
 * Keeps asking the hall server whether it is there: every `intervalMs` while
 * it answers, with backoff while it does not. Each answer or failure is
 * reported, so the status strip says online or offline truthfully, or that
 * the hall refuses this box because a new box took its slot.
 */
export class HallLink {
  #timer: NodeJS.Timeout | undefined;
  #failures = 0;
  #running = false;
  #busy: Promise<void> | null = null;

  constructor(private readonly options: HallLinkOptions) {}

  start(): void {
    this.#running = true;
    this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#timer);
    await this.#busy;
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    this.#timer = setTimeout(() => {
      this.#busy = this.#check().finally(() => (this.#busy = null));
    }, delayMs);
  }

  async #check(): Promise<void> {
    try {
      await this.options.client.ping();
      this.#failures = 0;
      if (this.#running) this.options.onContact('online', new Date());
      this.#schedule(this.options.intervalMs ?? 5000);
    } catch (error) {
      const replaced = error instanceof HallRequestError && error.code === 'replaced';
      if (this.#failures === 0 && replaced) this.options.logger.error({ err: error }, "the hall says a new box took this terminal's slot");
      else if (this.#failures === 0) this.options.logger.warn({ err: error }, 'the hall server is not answering');
      if (this.#running) this.options.onContact(replaced ? 'replaced' : 'offline', new Date());
      this.#schedule(reconnectDelayMs(this.#failures++));
    }
  }
}
