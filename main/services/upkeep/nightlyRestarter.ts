import type { Logger } from '../../../lib/logger.js';
import { nextResetAt, restartStep, type RestartPlan, type RestartStep } from './nightlyRestart.js';

export interface NightlyRestarterOptions {
  logger: Logger;
  /** The hall's reset hour and time zone (from the queue rules the terminal pulled); null before the first pull. */
  hallDay(): Promise<{ resetHour: number; timeZone: string } | null>;
  /** A citizen is in a session. */
  busy(): boolean;
  /** Restarts the host in place (what remote care's restart does). */
  restart(): void;
  now?: () => Date;
  plan?: Partial<Omit<RestartPlan, 'resetHour' | 'timeZone'>>;
}

/** Each look sleeps at most this long, so a changed clock or reset hour is seen soon. */
const longestSleepMs = 600_000;

/**
 * Restarts the host once a night at the hall's reset hour, when no citizen
 * is in a session (the decision is `restartStep`); this only keeps the timer.
 */
export class NightlyRestarter {
  readonly #startedAt: Date;
  #due: { at: Date; resetHour: number; timeZone: string } | null = null;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  /** Looks one after another: two at once could both decide to restart. */
  #looking: Promise<void> = Promise.resolve();
  /** A look is queued and not yet begun: a burst of cues (queue changes) joins it rather than queueing one each. */
  #lookQueued = false;

  constructor(private readonly options: NightlyRestarterOptions) {
    this.#startedAt = this.#now();
  }

  start(): void {
    this.nudge();
  }

  /** Looks now rather than at the next planned look: the hall's reset hour or time zone may have just arrived or changed. */
  nudge(): void {
    clearTimeout(this.#timer);
    if (this.#lookQueued) return;
    this.#lookQueued = true;
    this.#looking = this.#looking.then(() => {
      this.#lookQueued = false;
      return this.#stopped ? undefined : this.#look();
    });
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Decides now, and restarts or says when to look again; null while the hall's reset hour is not known. */
  async check(): Promise<RestartStep | null> {
    const now = this.#now();
    const day = await this.options.hallDay();
    if (!day) return null;
    if (!this.#due || this.#due.resetHour !== day.resetHour || this.#due.timeZone !== day.timeZone)
      this.#due = { ...day, at: nextResetAt(now, day.resetHour, day.timeZone) };
    const plan: RestartPlan = {
      ...day,
      maxWaitMs: this.options.plan?.maxWaitMs ?? 2 * 3600_000,
      minUptimeMs: this.options.plan?.minUptimeMs ?? 3600_000,
      recheckMs: this.options.plan?.recheckMs ?? 30_000,
    };
    const step = restartStep(now, this.#due.at, this.#startedAt, this.options.busy(), plan);
    if (step.kind === 'restart') {
      this.options.logger.info({ resetHour: day.resetHour, timeZone: day.timeZone }, "nightly restart at the hall's reset hour");
      this.stop();
      this.options.restart();
      return step;
    }
    if (step.gaveUp === 'window-passed')
      this.options.logger.warn(
        { next: step.due.toISOString() },
        'no nightly restart tonight: a citizen was in a session all through the window',
      );
    this.#due = { ...day, at: step.due };
    return step;
  }

  async #look(): Promise<void> {
    let step: RestartStep | null = null;
    try {
      step = await this.check();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not plan the nightly restart; trying again later');
    }
    if (this.#stopped || step?.kind === 'restart') return;
    clearTimeout(this.#timer);
    const wait = step ? Math.min(Math.max(step.at.getTime() - this.#now().getTime(), 0), longestSleepMs) : longestSleepMs;
    this.#timer = setTimeout(() => this.nudge(), wait);
    this.#timer.unref();
  }

  #now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}
