import type { Database } from '../../../lib/sqlite/database.js';
import { ServiceError } from '../../contract/errors.js';
import { createSecret, secretsEqual } from '../../../lib/secrets.js';
import { appendEvent } from '../../store/outboxRepository.js';
import { SetupAccessRepository, type LockoutState } from './setupAccessRepository.js';
import { pinMatches } from './pinHash.js';

/** How long each lockout lasts, one step up the ladder per lockout; the last step repeats. */
export const lockoutLadderMs = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;

export interface SetupAccessOptions {
  db: Database;
  terminalId: string;
  /** From the config, for a terminal the hall has not issued a PIN to (demo, embedded). */
  pin: string | undefined;
  /** A lockout was written to the outbox: push it to the hall. */
  onLockedOut?: () => void;
  sessionMs?: number;
  /** Wrong PINs in a row that earn a lockout. */
  maxAttempts?: number;
  now?: () => number;
}

/**
 * The technician's PIN gate. The PIN is the hall's (its scrypt hash arrives
 * with the terminal's config) or, without one, the config file's. A right PIN
 * gives a token that privileged calls carry. Every `maxAttempts` wrong PINs in
 * a row lock the gate for the next step of the ladder (1 min, 5 min, 15 min,
 * 1 h, …); the count and the lock are in the terminal's store, so a restart
 * does not reset them, and each lockout goes to the hall as an outbox event.
 */
export class SetupAccess {
  readonly #sessionMs: number;
  readonly #maxAttempts: number;
  readonly #now: () => number;
  #session: { token: string; expiresAt: number } | null = null;
  /** Attempts run one after another: parallel guesses must not all be checked against the same count. */
  #attempts: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SetupAccessOptions) {
    this.#sessionMs = options.sessionMs ?? 10 * 60_000;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#now = options.now ?? Date.now;
  }

  unlock(pin: string): Promise<{ setupToken: string; expiresAt: string }> {
    const attempt = this.#attempts.then(() => this.#unlock(pin));
    this.#attempts = attempt.catch(() => undefined);
    return attempt;
  }

  /** Throws unless `token` is the current, unexpired setup token. */
  require(token: string): void {
    const session = this.#session;
    if (!session || this.#now() >= session.expiresAt || !secretsEqual(session.token, token)) {
      throw new ServiceError('forbidden', 'setup mode is locked; enter the PIN again');
    }
  }

  async #unlock(pin: string): Promise<{ setupToken: string; expiresAt: string }> {
    const store = new SetupAccessRepository(this.options.db);
    const now = this.#now();
    const state = await store.lockout();
    if (now < state.lockedUntil) throw locked(state.lockedUntil - now);
    const hallPin = await store.hallPin();
    const configPin = this.options.pin;
    if (!hallPin && configPin === undefined) {
      throw new ServiceError(
        'forbidden',
        'setup mode has no PIN: issue one from the hall (onewindow hall setup-pin) or set setup.pin in the terminal configuration',
      );
    }
    const right = hallPin ? await pinMatches(hallPin, pin) : secretsEqual(configPin!, pin);
    if (right) {
      if (state.failures > 0 || state.lockouts > 0) await store.saveLockout({ failures: 0, lockouts: 0, lockedUntil: 0 });
      this.#session = { token: createSecret(24), expiresAt: now + this.#sessionMs };
      return { setupToken: this.#session.token, expiresAt: new Date(this.#session.expiresAt).toISOString() };
    }
    const next = afterWrongPin(state, now, this.#maxAttempts);
    const lockedOut = next.lockedUntil > now;
    await this.options.db.transaction(async (tx) => {
      await new SetupAccessRepository(tx).saveLockout(next);
      if (lockedOut) {
        await appendEvent(
          tx,
          'setup.locked-out',
          {
            terminalId: this.options.terminalId,
            failures: next.failures,
            lockouts: next.lockouts,
            lockedUntil: new Date(next.lockedUntil).toISOString(),
          },
          new Date(now),
        );
      }
    });
    if (!lockedOut) throw new ServiceError('forbidden', 'wrong PIN');
    this.options.onLockedOut?.();
    throw locked(next.lockedUntil - now);
  }
}

/** The lockout state after one more wrong PIN at `now`. */
export function afterWrongPin(state: LockoutState, now: number, maxAttempts: number): LockoutState {
  const failures = state.failures + 1;
  if (failures % maxAttempts !== 0) return { ...state, failures, lockedUntil: 0 };
  const step = lockoutLadderMs[Math.min(state.lockouts, lockoutLadderMs.length - 1)]!;
  return { failures, lockouts: state.lockouts + 1, lockedUntil: now + step };
}

function locked(remainingMs: number): ServiceError {
  const seconds = Math.ceil(remainingMs / 1000);
  return new ServiceError('forbidden', `too many wrong PINs; try again in ${seconds} s`, undefined, 'setup_locked', {
    minutes: Math.ceil(seconds / 60),
  });
}
