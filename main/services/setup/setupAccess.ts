import { ServiceError } from '../../contract/errors.js';
import { createSecret, secretsEqual } from '../../../lib/secrets.js';

export interface SetupAccessOptions {
  /** From the config; without one, setup mode cannot be opened from the screen. */
  pin: string | undefined;
  sessionMs?: number;
  maxAttempts?: number;
  lockoutMs?: number;
  now?: () => number;
}

/**
 * The technician's PIN gate. A right PIN gives a token that privileged calls
 * carry; after `maxAttempts` wrong PINs in a row the gate stays shut for
 * `lockoutMs`, so a passer-by cannot try every PIN on a public kiosk.
 */
export class SetupAccess {
  readonly #pin: string | undefined;
  readonly #sessionMs: number;
  readonly #maxAttempts: number;
  readonly #lockoutMs: number;
  readonly #now: () => number;
  #failures = 0;
  #lockedUntil = 0;
  #session: { token: string; expiresAt: number } | null = null;

  constructor(options: SetupAccessOptions) {
    this.#pin = options.pin;
    this.#sessionMs = options.sessionMs ?? 10 * 60_000;
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  unlock(pin: string): { setupToken: string; expiresAt: string } {
    if (this.#pin === undefined) {
      throw new ServiceError('forbidden', 'setup mode has no PIN: set setup.pin in the terminal configuration');
    }
    const now = this.#now();
    if (now < this.#lockedUntil) {
      throw new ServiceError('forbidden', `too many wrong PINs; try again in ${Math.ceil((this.#lockedUntil - now) / 1000)} s`);
    }
    if (!secretsEqual(this.#pin, pin)) {
      this.#failures += 1;
      if (this.#failures >= this.#maxAttempts) {
        this.#failures = 0;
        this.#lockedUntil = now + this.#lockoutMs;
      }
      throw new ServiceError('forbidden', 'wrong PIN');
    }
    this.#failures = 0;
    this.#session = { token: createSecret(24), expiresAt: now + this.#sessionMs };
    return { setupToken: this.#session.token, expiresAt: new Date(this.#session.expiresAt).toISOString() };
  }

  /** Throws unless `token` is the current, unexpired setup token. */
  require(token: string): void {
    const session = this.#session;
    if (!session || this.#now() >= session.expiresAt || !secretsEqual(session.token, token)) {
      throw new ServiceError('forbidden', 'setup mode is locked; enter the PIN again');
    }
  }
}
