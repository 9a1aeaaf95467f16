import { z } from 'zod';

/** Terminal ⇄ hall server: what crosses the wire, validated on both sides. */

export const terminalIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);

export const enrollRequestSchema = z.object({ code: z.string().min(8).max(64) }).strict();
export const enrollResponseSchema = z.object({ terminalId: terminalIdSchema, secret: z.string().min(32) });

export const pingResponseSchema = z.object({ terminalId: terminalIdSchema, hallTime: z.iso.datetime() });

export const hallErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const hallPaths = {
  enroll: '/api/v1/enroll',
  ping: '/api/v1/ping',
} as const;
