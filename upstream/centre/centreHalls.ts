import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../lib/sqlite/database.js';
import type { SecretBox } from '../identity/secretBox.js';

/** Where the centre keeps the key sealing its halls' secrets (0600). */
export const centreKeyFile = (keyDir: string) => path.join(keyDir, 'centre-hall-secrets.key');

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** Why a hall's enrolment code was refused: said to the hall's technician as it is. */
export class CentreEnrolmentError extends Error {}

/**
 * The halls a district centre knows: a hall enrolls once with a one-time
 * code made at the centre (as a terminal does with its hall), and signs its
 * reports with the secret it got. The secrets are sealed with the centre's key file.
 */
export class CentreHalls {
  constructor(
    private readonly db: Database,
    private readonly secrets: SecretBox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A code (valid 24 h) for the hall `hallId` to enroll with; enrolling again replaces the hall's secret, keeping its figures. */
  async issueCode(hallId: string, name: string, validForMs = 24 * 3600_000): Promise<string> {
    const code = randomBytes(12)
      .toString('base64url')
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 12)
      .padEnd(12, '7');
    await this.db.run('INSERT INTO centre_enrolment_code (code_hash, hall_id, hall_name, expires_at) VALUES (?, ?, ?, ?)', [
      hash(code),
      hallId,
      name,
      new Date(this.now().getTime() + validForMs).toISOString(),
    ]);
    return code;
  }

  async enrol(code: string): Promise<{ hallId: string; name: string; secret: string }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ hall_id: string; hall_name: string; expires_at: string; used_at: string | null }>(
        'SELECT hall_id, hall_name, expires_at, used_at FROM centre_enrolment_code WHERE code_hash = ?',
        [hash(code)],
      );
      const now = this.now().toISOString();
      if (!row) throw new CentreEnrolmentError('unknown enrolment code');
      if (row.used_at) throw new CentreEnrolmentError('this enrolment code was already used');
      if (row.expires_at <= now) throw new CentreEnrolmentError('this enrolment code has expired');
      const secret = randomBytes(32).toString('base64url');
      // Spent in the same statement that checks it: of two hall servers racing with one code, one wins.
      const spent = await tx.run(
        'UPDATE centre_enrolment_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?',
        [now, hash(code), now],
      );
      if (spent.changes !== 1) throw new CentreEnrolmentError('this enrolment code was already used');
      await tx.run(
        `INSERT INTO centre_hall (id, name, secret, enrolled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, secret = excluded.secret, enrolled_at = excluded.enrolled_at`,
        [row.hall_id, row.hall_name, this.secrets.seal(row.hall_id, secret), now],
      );
      // A hall enrolled again (a new server, a restored database) numbers its outbox afresh; its figures stay.
      await tx.run('UPDATE centre_hall_now SET last_seq = 0 WHERE hall_id = ?', [row.hall_id]);
      return { hallId: row.hall_id, name: row.hall_name, secret };
    });
  }

  /** An enrolled hall's secret and the sealed form it was checked against; null for an unknown hall. */
  async find(hallId: string): Promise<{ hallId: string; secret: string; sealed: string } | null> {
    const row = await this.db.get<{ secret: string }>('SELECT secret FROM centre_hall WHERE id = ?', [hallId]);
    return row ? { hallId, secret: this.secrets.open(hallId, row.secret), sealed: row.secret } : null;
  }
}
