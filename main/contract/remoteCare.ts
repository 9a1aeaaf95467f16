import { z } from 'zod';
import { terminalIdSchema } from './hallProtocol.js';

/**
 * Remote care: a technician at the hall sends a terminal a command over the
 * live channel; the terminal runs it and posts the result back (signed).
 */
export const careActionSchema = z.enum(['reload', 'restart', 'test-receipt', 'screenshot', 'logs', 'apply-config']);
export type CareAction = z.infer<typeof careActionSchema>;

export const careCommandIdSchema = z.uuid();

/** How many log lines `logs` fetches unless told. */
export const defaultCareLogLines = 200;
/** A command not delivered by then is dropped: restarting a terminal tomorrow morning is rarely what was meant. */
export const defaultCareExpirySeconds = 3600;

/** What the hall sends down the live channel. */
export const careCommandMessageSchema = z.object({
  type: z.literal('care'),
  id: careCommandIdSchema,
  action: careActionSchema,
  lines: z.number().int().min(1).max(5000),
});
export type CareCommandMessage = z.infer<typeof careCommandMessageSchema>;

/** What the terminal posts back: a message for people, and the log lines or the screenshot (PNG, base64) where asked. */
export const careResultSchema = z
  .object({
    id: careCommandIdSchema,
    ok: z.boolean(),
    message: z.string().max(2000),
    lines: z.array(z.string().max(16_384)).max(5000).optional(),
    png: z.base64().max(8_000_000).optional(),
  })
  .strict();
export type CareResult = z.infer<typeof careResultSchema>;

/** A technician's request (the staff API and the page's form). */
export const careRequestSchema = z
  .object({
    terminal: terminalIdSchema,
    action: careActionSchema,
    lines: z.coerce.number().int().min(1).max(5000).default(defaultCareLogLines),
    expiresInSeconds: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 86_400)
      .default(defaultCareExpirySeconds),
  })
  .strict();

export const careStateSchema = z.enum(['pending', 'sent', 'done', 'failed', 'expired']);

/** A command as the hall keeps it: who asked, when, what became of it. */
export const careCommandSchema = z.object({
  id: careCommandIdSchema,
  terminalId: terminalIdSchema,
  action: careActionSchema,
  lines: z.number().int(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  state: careStateSchema,
  sentAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  logLines: z.array(z.string()).nullable(),
  /** Where the screenshot is (staff only), when the command took one. */
  screenshotUrl: z.string().nullable(),
});
export type CareCommand = z.infer<typeof careCommandSchema>;

export const carePaths = {
  results: '/api/v1/care/results',
  commands: '/api/v1/care/commands',
  page: '/care',
} as const;
