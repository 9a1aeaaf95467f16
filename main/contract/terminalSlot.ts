import { z } from 'zod';
import { terminalIdSchema } from './hallProtocol.js';
import { hallConfigOverridesSchema, localeSchema, terminalRoleSchema } from './terminal.js';
import { tlsFingerprintSchema, tlsFingerprintStartSchema } from './tlsFingerprint.js';

/**
 * A terminal slot: what the hall decides a terminal is before any box is
 * there — its id, role, a counter's window, and its hall-managed settings.
 * A box takes the slot by enrolling with the slot's one-time code.
 */
export const terminalSlotSettingsSchema = z
  .object({
    services: hallConfigOverridesSchema.shape.services.unwrap(),
    idleTimeoutSeconds: hallConfigOverridesSchema.shape.idleTimeoutSeconds.unwrap(),
    locale: localeSchema,
  })
  .strict();
export type TerminalSlotSettings = z.infer<typeof terminalSlotSettingsSchema>;

export const terminalSlotRequestSchema = z
  .object({
    terminalId: terminalIdSchema,
    role: terminalRoleSchema,
    window: z.number().int().min(1).max(999).nullable().default(null),
    settings: terminalSlotSettingsSchema,
  })
  .strict()
  .superRefine((slot, context) => {
    if (slot.role === 'counter' && slot.window === null)
      context.addIssue({ code: 'custom', path: ['window'], message: 'a counter needs its window (1–999)' });
    if (slot.role !== 'counter' && slot.window !== null)
      context.addIssue({ code: 'custom', path: ['window'], message: `only a counter has a window, this is a ${slot.role}` });
  });
export type TerminalSlotRequest = z.output<typeof terminalSlotRequestSchema>;

/** A slot as the hall shows it: the config version it published, and the one the terminal reported applied. */
export const terminalSlotViewSchema = z.object({
  terminalId: terminalIdSchema,
  role: terminalRoleSchema,
  window: z.number().int().nullable(),
  settings: terminalSlotSettingsSchema,
  publishedVersion: z.number().int().positive(),
  appliedVersion: z.number().int().positive().nullable(),
  appliedAt: z.string().nullable(),
  enrolled: z.boolean(),
});
export type TerminalSlotView = z.infer<typeof terminalSlotViewSchema>;

/** Numbers leased to a kiosk for printing offline that it never reported issued: a citizen may hold any of them. */
export const unreportedNumbersSchema = z.object({
  businessDay: z.string(),
  service: z.string(),
  /** The labels as printed, as ranges: "B021–B040". */
  labels: z.array(z.string()),
});

/**
 * What a replaced box left undone, said once when the new box is ordered: the
 * events its last beat said it had not delivered (by type), and the leased
 * numbers it never reported. Nothing of it is dropped silently.
 */
export const replacementReportSchema = z.object({
  terminalId: terminalIdSchema,
  replacedAt: z.string(),
  /** When the old box enrolled, and when it last beat (null: never). */
  oldEnrolledAt: z.string().nullable(),
  lastBeatAt: z.string().nullable(),
  undelivered: z.object({ events: z.number().int(), oldestAt: z.string().nullable(), byType: z.record(z.string(), z.number().int()) }),
  unreportedNumbers: z.array(unreportedNumbersSchema),
});
export type ReplacementReport = z.infer<typeof replacementReportSchema>;

/** What the hall's enrollment QR code carries: where the hall is, how to know it, and the one-time code. */
export const enrollmentPayloadSchema = z
  .object({
    hall: z.url({ protocol: /^https?$/ }),
    fingerprint: tlsFingerprintSchema.nullable(),
    /** Typed by hand instead of the whole fingerprint (see tlsFingerprintStartSchema); the QR code carries the whole. */
    fingerprintStart: tlsFingerprintStartSchema.nullable().default(null),
    code: z.string().regex(/^[A-Z0-9]{8,64}$/),
  })
  .strict();
export type EnrollmentPayload = z.output<typeof enrollmentPayloadSchema>;
type EnrollmentPayloadInput = z.input<typeof enrollmentPayloadSchema>;

const payloadPrefix = 'OWJOIN1:';

/** The text of the QR code: a prefix the wizard recognises, then the payload as URL query parameters (scanners type it verbatim). */
export function encodeEnrollmentPayload(payload: EnrollmentPayloadInput): string {
  const query = new URLSearchParams({ hall: payload.hall, code: payload.code });
  if (payload.fingerprint) query.set('fp', payload.fingerprint.replace(/:/g, ''));
  if (payload.fingerprintStart) query.set('fps', payload.fingerprintStart);
  return `${payloadPrefix}${query.toString()}`;
}

/** The payload a scanned or typed QR text carries; a ZodError names the field that is wrong. */
export function decodeEnrollmentPayload(text: string): EnrollmentPayload {
  const trimmed = text.trim();
  if (!trimmed.startsWith(payloadPrefix))
    return enrollmentPayloadSchema.parse({ hall: undefined, fingerprint: null, fingerprintStart: null, code: undefined });
  const query = new URLSearchParams(trimmed.slice(payloadPrefix.length));
  return enrollmentPayloadSchema.parse({
    hall: query.get('hall') ?? undefined,
    fingerprint: query.get('fp'),
    fingerprintStart: query.get('fps'),
    code: query.get('code') ?? undefined,
  });
}

export const terminalSlotPaths = {
  slots: '/api/v1/terminal-slots',
  config: '/api/v1/terminal-slots/:terminalId/config',
  replace: '/api/v1/terminal-slots/:terminalId/replace',
  page: '/terminals',
  pageReplace: '/terminals/replace',
} as const;
