import { EventEmitter } from 'node:events';
import type { IdCard, SamReader } from './samReader.js';

export interface CardWatcherEvents {
  'card-inserted': [card: IdCard];
  'card-removed': [];
  /** A card was there but could not be read (moved away mid-read, bad card): the citizen should try again. */
  'read-failed': [error: Error];
  /** The reader itself is not answering. */
  'reader-error': [error: Error];
}

/**
 * Polls the reader and turns what it finds into card-inserted / card-removed
 * events, reading each card once per insertion.
 */
export class CardWatcher extends EventEmitter<CardWatcherEvents> {
  #timer: NodeJS.Timeout | undefined;
  #present = false;
  #polling: Promise<void> | null = null;

  constructor(
    private readonly reader: SamReader,
    private readonly intervalMs = 500,
  ) {
    super();
  }

  start(): void {
    if (this.#timer) return;
    const tick = () => {
      this.#polling = this.poll().finally(() => {
        this.#polling = null;
        if (this.#timer) this.#timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#polling;
  }

  get cardPresent(): boolean {
    return this.#present;
  }

  /** One look at the reader; exposed so tests and `devices test` can step it. */
  async poll(): Promise<void> {
    let found: boolean;
    try {
      found = await this.reader.findCard();
    } catch (error) {
      this.emit('reader-error', error as Error);
      return;
    }
    if (!found) {
      if (this.#present) {
        this.#present = false;
        this.emit('card-removed');
      }
      return;
    }
    if (this.#present) return;
    try {
      await this.reader.selectCard();
      const card = await this.reader.readCard();
      this.#present = true;
      this.emit('card-inserted', card);
    } catch (error) {
      this.emit('read-failed', error as Error);
    }
  }
}
