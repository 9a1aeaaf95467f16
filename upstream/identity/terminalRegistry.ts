import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import type { SecretBox } from './secretBox.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';
import type { TerminalRole } from '../../main/contract/terminal.js';

export class EnrollmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnrollmentError';
  }
}

/** An enrolled terminal as the hall knows it: role null for one enrolled before roles existed. */
export interface KnownTerminal {
  terminalId: string;
  secret: string;
  /** The secret as stored (sealed): a new enrolment stores a new one, so it tells whether the row changed. */
  sealed: string;
  role: TerminalRole | null;
  window: number | null;
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Which terminals belong to the hall. A technician gets a one-time code for a
 * terminal id; the terminal trades it for its secret; the hall can revoke it.
 * Codes are stored hashed; a code works once, before it expires. The code
 * carries the terminal's role (and a counter's window), which enrolling binds
 * to the terminal.
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

  async issueCode(terminalId: string, binding: TerminalBinding, validForMs = 24 * 3600_000): Promise<string> {
    const code = randomBytes(10)
      .toString('base64url')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 12)
      .padEnd(12, '7');
    const expiresAt = new Date(this.now().getTime() + validForMs).toISOString();
    const window = binding.role === 'counter' ? binding.window : null;
    await this.db.run('INSERT INTO enrollment_code (code_hash, terminal_id, expires_at, role, window_number) VALUES (?, ?, ?, ?, ?)', [
      hash(code),
      terminalId,
      expiresAt,
      binding.role,
      window,
    ]);
    return code;
  }

  /** Trades a code for the terminal's new secret; enrolling again replaces the old secret. */
  async enroll(code: string): Promise<{ terminalId: string; secret: string; binding: TerminalBinding }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{
        terminal_id: string;
        expires_at: string;
        used_at: string | null;
        role: string | null;
        window_number: number | null;
      }>('SELECT terminal_id, expires_at, used_at, role, window_number FROM enrollment_code WHERE code_hash = ?', [hash(code)]);
      const now = this.now().toISOString();
      if (!row) throw new EnrollmentError('unknown enrollment code');
      if (row.used_at) throw new EnrollmentError('this enrollment code was already used');
      if (row.expires_at <= now) throw new EnrollmentError('this enrollment code has expired');
      if (!row.role) throw new EnrollmentError('this enrollment code names no role: issue a new one with --role');
      const secret = randomBytes(32).toString('base64url');
      await tx.run('UPDATE enrollment_code SET used_at = ? WHERE code_hash = ?', [now, hash(code)]);
      await tx.run(
        `INSERT INTO terminal (id, secret, enrolled_at, revoked_at, role, window_number) VALUES (?, ?, ?, NULL, ?, ?)
         ON CONFLICT (id) DO UPDATE SET secret = excluded.secret, enrolled_at = excluded.enrolled_at, revoked_at = NULL,
           role = excluded.role, window_number = excluded.window_number`,
        [row.terminal_id, this.#secrets().seal(row.terminal_id, secret), now, row.role, row.window_number],
      );
      const binding: TerminalBinding =
        row.role === 'counter' ? { role: 'counter', window: row.window_number! } : { role: row.role as Exclude<TerminalRole, 'counter'> };
      return { terminalId: row.terminal_id, secret, binding };
    });
  }

  async revoke(terminalId: string): Promise<boolean> {
    const result = await this.db.run('UPDATE terminal SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      this.now().toISOString(),
      terminalId,
    ]);
    return result.changes > 0;
  }

  /** An enrolled, unrevoked terminal; null for any other. Remembers what it found (see `remembered`). */
  async find(terminalId: string): Promise<KnownTerminal | null> {
    const row = await this.db.get<{ secret: string; role: TerminalRole | null; window_number: number | null }>(
      'SELECT secret, role, window_number FROM terminal WHERE id = ? AND revoked_at IS NULL',
      [terminalId],
    );
    if (!row) {
      this.#found.delete(terminalId);
      return null;
    }
    const before = this.#found.get(terminalId);
    const secret = before?.sealed === row.secret ? before.secret : this.#secrets().open(terminalId, row.secret);
    const known = { terminalId, secret, sealed: row.secret, role: row.role, window: row.window_number };
    this.#found.set(terminalId, known);
    return known;
  }

  /**
   * What `find` last found for this terminal, without asking the database.
   * It may be stale (revoked or enrolled again since, perhaps by another
   * process): use it only with a write that re-checks the row, as
   * `ReplayGuard.firstUse` does.
   */
  remembered(terminalId: string): KnownTerminal | undefined {
    return this.#found.get(terminalId);
  }

  /** Bounded by the enrolled terminals: only rows that exist are kept. */
  readonly #found = new Map<string, KnownTerminal>();
}
