import canonicalize from 'canonicalize';
import { z } from 'zod';
import { localizedTextSchema } from './terminal.js';

/**
 * Certificates and lookups: terminal ⇄ hall (the hall asks the government
 * back ends through its providers) and host ⇄ renderer. What screens and
 * printed papers show of a person is masked; only the hall sees the number.
 */

export const backendIdSchema = z.enum([
  'social-insurance',
  'medical-insurance',
  'housing-fund',
  'employment',
  'citizen-card',
  'traffic-police',
  'transit',
]);
export type BackendId = z.infer<typeof backendIdSchema>;

export const certificateTypeSchema = z.enum([
  'social-insurance-payment',
  'insured-status',
  'pension-payment',
  'medical-insurance',
  'housing-fund-deposit',
  'unemployment-registration',
]);
export type CertificateType = z.infer<typeof certificateTypeSchema>;

export const lookupIdSchema = z.enum([
  'contributions-by-year',
  'insured-status',
  'pension-payments',
  'pension-account',
  'contribution-base',
  'medical-balance',
  'medical-spending',
  'housing-fund-account',
  'unemployment-benefits',
  'work-injury',
  'maternity',
  'citizen-card-balance',
  'citizen-card-points',
  'citizen-card-status',
  'report-lost-card',
  'traffic-violations',
  'licence-points',
  'vehicle-inspection',
  'transit-card-topups',
]);
export type LookupId = z.infer<typeof lookupIdSchema>;

/** The person the hall asks the back ends about; crosses the signed channel only. */
export const citizenIdentitySchema = z.object({ idNumber: z.string().regex(/^[0-9A-Z]{8,18}$/), name: z.string().min(1).max(60) }).strict();
export type CitizenIdentity = z.infer<typeof citizenIdentitySchema>;

/** A fact of a result or certificate: a label in both languages and a value as printed. */
export const factSchema = z.object({ label: localizedTextSchema, value: z.string() });
export const dataTableSchema = z.object({ columns: z.array(localizedTextSchema).min(1), rows: z.array(z.array(z.string())) });

/** What a back end answers, shaped for data-driven screens and receipts. */
export const lookupResultSchema = z.object({
  lookup: lookupIdSchema,
  facts: z.array(factSchema),
  table: dataTableSchema.nullable(),
  /** For an action (report a lost card): what was done, said to the citizen. */
  done: localizedTextSchema.nullable(),
});
export type LookupResult = z.infer<typeof lookupResultSchema>;

export const lookupRequestSchema = z
  .object({ lookup: lookupIdSchema, citizen: citizenIdentitySchema, year: z.number().int().min(1990).max(2100).nullable() })
  .strict();

export const certificateRequestSchema = z.object({ type: certificateTypeSchema, citizen: citizenIdentitySchema }).strict();

/** The signed content of a certificate: everything printed that matters, and nothing more. */
export const certificateContentSchema = z.object({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  type: certificateTypeSchema,
  issuedAt: z.iso.datetime(),
  holder: z.object({ name: z.string(), maskedIdNumber: z.string() }),
  authority: localizedTextSchema,
  facts: z.array(factSchema),
  table: dataTableSchema.nullable(),
  verifyUrl: z.url(),
  /** The last day the paper may be used for (the type's validity from its issue); certificates issued before validity was signed carry none. */
  validUntil: z.iso.date().optional(),
});
export type CertificateContent = z.infer<typeof certificateContentSchema>;

export const issuedCertificateSchema = z.object({
  content: certificateContentSchema,
  /** Ed25519 over the canonical JSON of `content`, base64. */
  signature: z.base64(),
});
export type IssuedCertificate = z.infer<typeof issuedCertificateSchema>;

/** How printing a certificate ended, for the citizen: printed, held by the printer (why), or not sent. */
export const certificatePrintSchema = z.object({
  code: z.string(),
  verifyUrl: z.string(),
  outcome: z.enum(['printed', 'held', 'failed']),
  jobId: z.string().nullable(),
  /** Why it did not print: the printer's condition (paper_out, media_jam, cover_open, offline), or not_sent. */
  problem: z.enum(['paper_out', 'paper_near_end', 'media_jam', 'cover_open', 'offline', 'not_sent']).nullable(),
  /** Where the citizen goes with the code when it did not print. */
  helpWindow: z.number().int().positive(),
});
export type CertificatePrint = z.infer<typeof certificatePrintSchema>;

/** The kiosk's menus: what each certificate and lookup is called, and how a lookup is asked. */
export const citizenMenuSchema = z.object({
  certificates: z.array(z.object({ type: certificateTypeSchema, title: localizedTextSchema })),
  lookups: z.array(
    z.object({
      id: lookupIdSchema,
      name: localizedTextSchema,
      description: localizedTextSchema,
      byYear: z.boolean(),
      action: z.boolean(),
      group: z.enum(['social-security', 'transport']),
    }),
  ),
});
export type CitizenMenu = z.infer<typeof citizenMenuSchema>;

/** What /verify/<code>.json answers: the issued content, its signature and the key that checks it. */
export const verificationSchema = issuedCertificateSchema.extend({ publicKey: z.string() });

/** e-ID: a code from the citizen's phone, resolved by the hall to who they are. */
export const eidRequestSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/) }).strict();

/** Why a citizen service did not go ahead; screens translate each (errors.reasons.<code>, with the system and window). */
export const citizenReasonSchema = z.enum([
  'backend_timeout',
  'backend_failed',
  'consent_required',
  'not_identified',
  'unknown_eid',
  'no_printer',
  'hall_unreachable',
]);

export const citizenPaths = {
  identify: '/api/v1/citizen/identify',
  lookup: '/api/v1/citizen/lookup',
  certificates: '/api/v1/certificates',
  /** Public: the page a printed certificate's QR code opens; `.json` for tools. */
  verify: '/verify/',
} as const;

/**
 * The JSON Canonicalization Scheme (RFC 8785): keys in a fixed order at
 * every level, numbers as ECMAScript writes them. What is signed and checked,
 * byte for byte, by the hall, the terminal and any tool.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('nothing to canonicalize: the value has no JSON form');
  return text;
}
