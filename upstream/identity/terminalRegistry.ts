import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import type { SecretBox } from './secretBox.js';

export class EnrollmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnrollmentError';
  }
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Which terminals belong to the hall. A technician gets a one-time code for a
 * terminal id; the terminal trades it for its secret; the hall can revoke it.
 * Codes are stored hashed; a code works once, before it expires.
 */
export class TerminalRegistry {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
    /** Seals the secrets stored; only enrolling and checking signatures need it, not codes or revoking. */
    private readonly secrets: SecretBox | null = null,
  ) {}

  #secrets(): SecretBox {
    if (!this.secrets) throw new Error('this terminal registry has no terminal-secrets key');
    return this.secrets;
  }

  async issueCode(terminalId: string, validForMs = 24 * 3600_000): Promise<string> {
    const code = randomBytes(10).toString('base64url').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12).padEnd(12, '7');
    const expiresAt = new Date(this.now().getTime() + validForMs).toISOString();
    await this.db.run('INSERT INTO enrollment_code (code_hash, terminal_id, expires_at) VALUES (?, ?, ?)', [hash(code), terminalId, expiresAt]);
    return code;
  }

  /** Trades a code for the terminal's new secret; enrolling again replaces the old secret. */
  async enroll(code: string): Promise<{ terminalId: string; secret: string }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ terminal_id: string; expires_at: string; used_at: string | null }>(
        'SELECT terminal_id, expires_at, used_at FROM enrollment_code WHERE code_hash = ?',
        [hash(code)],
      );
      const now = this.now().toISOString();
      if (!row) throw new EnrollmentError('unknown enrollment code');
      if (row.used_at) throw new EnrollmentError('this enrollment code was already used');
      if (row.expires_at <= now) throw new EnrollmentError('this enrollment code has expired');
      const secret = randomBytes(32).toString('base64url');
      await tx.run('UPDATE enrollment_code SET used_at = ? WHERE code_hash = ?', [now, hash(code)]);
      await tx.run(
        `INSERT INTO terminal (id, secret, enrolled_at, revoked_at) VALUES (?, ?, ?, NULL)
         ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, enrolled_at = excluded.enrolled_at, revoked_at = NULL`,
        [row.terminal_id, this.#secrets().seal(row.terminal_id, secret), now],
      );
      return { terminalId: row.terminal_id, secret };
    });
  }

  async revoke(terminalId: string): Promise<boolean> {
    const result = await this.db.run('UPDATE terminal SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [this.now().toISOString(), terminalId]);
    return result.changes > 0;
  }

  /** The secret of an enrolled, unrevoked terminal; null for any other. */
  async secretOf(terminalId: string): Promise<string | null> {
    const row = await this.db.get<{ secret: string }>('SELECT secret FROM terminal WHERE id = ? AND revoked_at IS NULL', [terminalId]);
    return row ? this.#secrets().open(terminalId, row.secret) : null;
  }
}
