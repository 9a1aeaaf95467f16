import type { Database } from '../../../lib/sqlite/database.js';
import { StaffAccounts, staffRoleSchema, staffUsernameSchema, type StaffRole } from '../../../upstream/entry/index.js';
import { UsageError } from '../usageError.js';

/** `--role technician,supervisor`: what a staff account may do. */
function staffRolesFromArgs(given: string | undefined, command: string): StaffRole[] {
  const roles = (given ?? '').split(',').filter(Boolean);
  const known = staffRoleSchema.options as readonly string[];
  if (roles.length === 0 || roles.some((role) => !known.includes(role)))
    throw new UsageError(`--role ${known.join('|')}[,…] is required for a staff account: what it may do (got "${given ?? ''}")`, command);
  return roles as StaffRole[];
}

/** Checks `hall staff add` (or `centre staff add`) before the database is opened; returns the roles to give. */
export function staffArgs(rest: readonly string[], user: string | undefined, role: string | undefined, command = 'hall'): StaffRole[] {
  if (rest[0] !== 'add' || rest.length > 1 || !staffUsernameSchema.safeParse(user).success) {
    throw new UsageError(
      `expected "${command} staff add --db FILE --user NAME --role ROLE" (NAME: 1–64 letters, digits, ".", "_" or "-")`,
      command,
    );
  }
  return staffRolesFromArgs(role, command);
}

/** `hall staff add`, `centre staff add`: the account with its roles, and its generated password, shown once. */
export async function addStaff(db: Database, user: string, roles: readonly StaffRole[]): Promise<number> {
  const password = await new StaffAccounts(db).add(user, roles);
  console.log(`staff account ${user} (${roles.join(', ')}): password ${password}`);
  console.log('(shown once: give it to its holder; run again to set a new one)');
  return 0;
}
