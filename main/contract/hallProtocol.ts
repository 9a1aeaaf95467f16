import { z } from 'zod';
import { terminalRoleSchema, type TerminalRole } from './terminal.js';

/** Terminal ⇄ hall server: what crosses the wire, validated on both sides. */

export const terminalIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);

/** What a terminal is to the hall, fixed at enrollment: its role, and for a counter its window. */
export const terminalBindingSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('counter'), window: z.number().int().min(1).max(999) }).strict(),
  z.object({ role: terminalRoleSchema.exclude(['counter']) }).strict(),
]);
export type TerminalBinding = z.infer<typeof terminalBindingSchema>;

/** The binding a terminal's configuration asks for (a counter's configuration always names its window). */
export function bindingOf(role: TerminalRole, windowNumber: number | null | undefined): TerminalBinding {
  if (role !== 'counter') return { role };
  if (windowNumber == null) throw new Error('a counter needs its window number');
  return { role, window: windowNumber };
}

export const enrollRequestSchema = z.object({ code: z.string().min(8).max(64) }).strict();
export const enrollResponseSchema = z.object({
  terminalId: terminalIdSchema,
  secret: z.string().min(32),
  /** What the hall made the terminal (its role, a counter's window): the setup wizard shows it to confirm. */
  binding: terminalBindingSchema.optional(),
});

export const pingResponseSchema = z.object({ terminalId: terminalIdSchema, hallTime: z.iso.datetime() });

export const hallErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const hallPaths = {
  enroll: '/api/v1/enroll',
  ping: '/api/v1/ping',
} as const;
