import { z } from 'zod';

/**
 * What a member of the hall's staff may do. A technician sets up and cares
 * for terminals (slots, settings, remote care, the operations view); a
 * supervisor reads the figures and works the 好差评 cases. One account may
 * hold both.
 */
export const staffRoleSchema = z.enum(['technician', 'supervisor']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Who is logged in, and as what. */
export interface StaffMember {
  username: string;
  roles: readonly StaffRole[];
}

/** How the hall's pages name a role. */
export const staffRoleNames: Readonly<Record<StaffRole, string>> = { technician: '技术人员', supervisor: '主管' };
