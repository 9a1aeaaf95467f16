import type { Logger } from '../../../lib/logger.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { ServiceError } from '../../contract/errors.js';
import type { HelpCall, KioskHelp } from '../../contract/help.js';
import type { HallClient } from '../../sync/hallClient.js';
import { fromHall, hallUnreachable } from '../hallAnswer.js';
import { HelpCallRepository } from './helpCallRepository.js';

export interface HelpCallsOptions {
  db: Database;
  /** Null when the terminal is not enrolled: nobody can be reached. */
  client: HallClient | null;
  terminalId: string;
  logger: Logger;
  /** The local copy changed (this terminal's own call or acknowledgement): screens re-read. */
  onChanged(): void;
}

/**
 * Help calls on a terminal. A kiosk raises its call at the hall and finds it
 * (and who is coming) in its copy of scope `help`; a counter lists the open
 * calls and acknowledges one. A call that cannot reach the hall is not kept
 * for later: the citizen is told at once that nobody could be reached.
 */
export class HelpCalls {
  readonly #calls: HelpCallRepository;

  constructor(private readonly options: HelpCallsOptions) {
    this.#calls = new HelpCallRepository(options.db);
  }

  async call(screen: string): Promise<KioskHelp> {
    if (!this.options.client) return { state: 'unreachable' };
    try {
      const call = await this.options.client.raiseHelp(screen);
      await this.#remember(call);
      return { state: 'called', call };
    } catch (error) {
      if (hallUnreachable(error)) return { state: 'unreachable' };
      throw fromHall(error);
    }
  }

  /** This kiosk's open call, as the hall last said (waiting, or a clerk coming). */
  async mine(): Promise<KioskHelp> {
    const call = (await this.#calls.all()).find((candidate) => candidate.terminalId === this.options.terminalId);
    return call ? { state: 'called', call } : { state: 'none' };
  }

  /** The kiosk's citizen no longer needs the call (helped, or gone): it leaves the counters. */
  async close(): Promise<void> {
    const mine = await this.mine();
    if (mine.state !== 'called') return;
    await this.#calls.remove(mine.call.id);
    this.options.onChanged();
    try {
      await this.options.client?.closeHelp(mine.call.id);
    } catch (error) {
      // The hall may have closed it already; if it is only away, its copy returns with the next pull and the citizen can close it again.
      this.options.logger.warn({ err: error, call: mine.call.id }, 'could not close the help call at the hall');
    }
  }

  /** Counter: the hall's open calls, oldest first. */
  open(): Promise<HelpCall[]> {
    return this.#calls.all();
  }

  /** Counter: this clerk is on the way. */
  async acknowledge(id: string): Promise<HelpCall[]> {
    if (!this.options.client)
      throw new ServiceError('unavailable', 'this counter is not enrolled with a hall server', undefined, 'hall_unreachable');
    try {
      await this.#remember(await this.options.client.acknowledgeHelp(id));
    } catch (error) {
      throw fromHall(error);
    }
    return this.open();
  }

  async #remember(call: HelpCall): Promise<void> {
    await this.#calls.put(call);
    this.options.onChanged();
  }
}
