import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Database } from '../../lib/sqlite/database.js';
import { staffRoleSchema, type StaffMember, type StaffRole } from './staffRoles.js';

/** How long a staff login lasts without logging in again. */
export const staffSessionMs = 8 * 3600_000;

// scrypt's recommended interactive cost (N=2^15, r=8): ~32 MiB and tens of ms per guess.
const cost: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keyLength, cost, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, base64url: the parameters travel with the hash. */
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${(await derive(password, salt)).toString('base64url')}`;
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const given = await derive(password, Buffer.from(salt, 'base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The hall's staff: accounts with scrypt-hashed passwords, and login
 * sessions kept in the database by the hash of their token (the token itself
 * lives only in the staff member's HttpOnly cookie).
 */
export class StaffAccounts {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds an account with its roles (or sets a new password and roles); returns the generated password, shown once. */
  async add(username: string, roles: readonly StaffRole[], password = randomBytes(12).toString('base64url')): Promise<string> {
    if (roles.length === 0) throw new Error(`staff account ${username} needs a role: ${staffRoleSchema.options.join(' or ')}`);
    await this.db.run(
      `INSERT INTO staff_account (username, password_hash, created_at, roles) VALUES (?, ?, ?, ?)
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, roles = excluded.roles`,
      [username, await hashPassword(password), this.now().toISOString(), [...new Set(roles)].sort().join(',')],
    );
    return password;
  }

  /** A new session token for a right username and password; null otherwise. */
  async logIn(username: string, password: string): Promise<string | null> {
    const row = await this.db.get<{ password_hash: string }>('SELECT password_hash FROM staff_account WHERE username = ?', [username]);
    // An unknown user costs the same scrypt as a wrong password, so timing does not tell usernames apart.
    const matches = await passwordMatches(password, row?.password_hash ?? 'scrypt$0$0$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
    if (!row || !matches) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db.run('DELETE FROM staff_session WHERE expires_at <= ?', [now.toISOString()]);
    await this.db.run('INSERT INTO staff_session (token_hash, username, expires_at) VALUES (?, ?, ?)', [
      tokenHash(token),
      username,
      new Date(now.getTime() + staffSessionMs).toISOString(),
    ]);
    return token;
  }

  /** Who holds this session token, and their roles as they are now, while it has not expired. */
  async sessionUser(token: string): Promise<StaffMember | null> {
    const row = await this.db.get<{ username: string; roles: string }>(
      `SELECT s.username, a.roles FROM staff_session s JOIN staff_account a ON a.username = s.username
       WHERE s.token_hash = ? AND s.expires_at > ?`,
      [tokenHash(token), this.now().toISOString()],
    );
    if (!row) return null;
    // A role this hall no longer knows is dropped rather than trusted.
    const roles = row.roles.split(',').flatMap((role) => (staffRoleSchema.safeParse(role).success ? [role as StaffRole] : []));
    return { username: row.username, roles };
  }

  async logOut(token: string): Promise<void> {
    await this.db.run('DELETE FROM staff_session WHERE token_hash = ?', [tokenHash(token)]);
  }
}
