import { createHmac, randomInt } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createSecret, secretsEqual } from '../../lib/secrets.js';

export interface ScreenAccessOptions {
  /** Signs the screens' cookies; kept (0600) so paired screens stay paired across restarts. */
  keyFile: string;
  /** Per terminal: the demo's terminals share 127.0.0.1, and cookies ignore ports. */
  cookieName: string;
  pairingMs?: number;
  maxPairingTries?: number;
  now?: () => number;
}

/** A pairing code shown on the terminal's setup screen. */
export interface PairingCode {
  code: string;
  expiresAt: string;
}

/**
 * Who may use the browser bridge: a browser that redeemed a one-time launch
 * code (the one `start` opened, or the URL `serve` printed), or one a
 * technician paired with a short code from the terminal's setup screen.
 * Either gets a cookie signed with the terminal's screen key; the bridge
 * checks it on every call. Only one pairing code is open at a time, and a few
 * wrong tries void it, so guessing the six digits is hopeless.
 */
export class ScreenAccess {
  readonly cookieName: string;
  readonly #key: Buffer;
  readonly #pairingMs: number;
  readonly #maxPairingTries: number;
  readonly #now: () => number;
  readonly #launchCodes = new Set<string>();
  #pairing: { code: string; expiresAt: number; wrongTries: number } | null = null;

  private constructor(key: Buffer, options: ScreenAccessOptions) {
    this.#key = key;
    this.cookieName = options.cookieName;
    this.#pairingMs = options.pairingMs ?? 5 * 60_000;
    this.#maxPairingTries = options.maxPairingTries ?? 5;
    this.#now = options.now ?? Date.now;
  }

  static async open(options: ScreenAccessOptions): Promise<ScreenAccess> {
    return new ScreenAccess(await readOrCreateKey(options.keyFile), options);
  }

  /** A code for one launch URL; it works once. */
  launchCode(): string {
    const code = createSecret(24);
    this.#launchCodes.add(code);
    return code;
  }

  /** The cookie for a browser that brought an unused launch code, else null. */
  redeemLaunchCode(code: string | undefined): string | null {
    if (code === undefined || !this.#launchCodes.delete(code)) return null;
    return this.#mint();
  }

  /** Opens a pairing code (replacing any earlier one) for a technician to type on the new screen. */
  pairingCode(): PairingCode {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = this.#now() + this.#pairingMs;
    this.#pairing = { code, expiresAt, wrongTries: 0 };
    return { code, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The cookie for a screen that typed the open pairing code; the code is then spent. */
  redeemPairingCode(code: string): string | null {
    const pairing = this.#pairing;
    if (!pairing || this.#now() >= pairing.expiresAt) return null;
    if (!secretsEqual(pairing.code, code)) {
      pairing.wrongTries += 1;
      if (pairing.wrongTries >= this.#maxPairingTries) this.#pairing = null;
      return null;
    }
    this.#pairing = null;
    return this.#mint();
  }

  /** Whether a cookie value is one this terminal gave out. */
  admits(cookie: string | undefined): boolean {
    const [id, mac, extra] = cookie?.split('.') ?? [];
    return id !== undefined && extra === undefined && secretsEqual(this.#mac(id), mac);
  }

  #mint(): string {
    const id = createSecret(18);
    return `${id}.${this.#mac(id)}`;
  }

  #mac(id: string): string {
    return createHmac('sha256', this.#key).update(id).digest('base64url');
  }
}

async function readOrCreateKey(file: string): Promise<Buffer> {
  try {
    const stored = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = createSecret(32);
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return Buffer.from(key, 'base64url');
}
