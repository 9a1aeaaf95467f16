import { z } from 'zod';
import { backendIdSchema, certificateTypeSchema, lookupIdSchema } from './citizenServices.js';
import { localizedTextSchema } from './terminal.js';

const field = z.object({ key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), label: localizedTextSchema }).strict();
const table = z.object({ columns: z.array(field).min(1) }).strict();

/**
 * The citizen services of a hall as data (hall-config/citizen-services.json):
 * which back end answers what, the six certificates' templates and the
 * fourteen lookups' screens. Both sides read it: the hall to label what it
 * signs, the kiosk to draw menus and results. Adding a field is an edit here.
 */
export const citizenCatalogSchema = z
  .object({
    $schema: z.string().optional(),
    backends: z.record(
      backendIdSchema,
      z
        .object({ name: localizedTextSchema, helpWindow: z.number().int().positive(), timeoutMs: z.number().int().min(100).max(60_000) })
        .strict(),
    ),
    certificates: z
      .array(
        z
          .object({
            type: certificateTypeSchema,
            backend: backendIdSchema,
            title: localizedTextSchema,
            authority: localizedTextSchema,
            facts: z.array(field).min(1),
            table: table.nullable(),
            /** Printed instead of the table when the back end has no rows for this citizen (a pension for someone not retired). */
            emptyTable: localizedTextSchema.optional(),
            note: localizedTextSchema,
            /** How many days the paper may be used for after its issue: printed in the watermark, signed as validUntil. */
            validityDays: z.number().int().min(1).max(3650),
          })
          .strict(),
      )
      .length(6),
    lookups: z
      .array(
        z
          .object({
            id: lookupIdSchema,
            backend: backendIdSchema,
            name: localizedTextSchema,
            description: localizedTextSchema,
            /** The citizen picks a year (contributions by year). */
            byYear: z.boolean(),
            /** It changes something (report a lost card): the citizen confirms first. */
            action: z.boolean(),
            /** Which kiosk menu offers it: social security and citizen card, or transport. */
            group: z.enum(['social-security', 'transport']),
            facts: z.array(field),
            table: table.nullable(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((catalog, context) => {
    const types = new Set(catalog.certificates.map((certificate) => certificate.type));
    if (types.size !== catalog.certificates.length)
      context.addIssue({ code: 'custom', path: ['certificates'], message: 'each certificate type once' });
    const ids = new Set(catalog.lookups.map((lookup) => lookup.id));
    if (ids.size !== catalog.lookups.length) context.addIssue({ code: 'custom', path: ['lookups'], message: 'each lookup once' });
    [...catalog.certificates, ...catalog.lookups].forEach((entry) => {
      if (!catalog.backends[entry.backend]) {
        const index = 'type' in entry ? catalog.certificates.indexOf(entry) : catalog.lookups.indexOf(entry);
        context.addIssue({
          code: 'custom',
          path: ['type' in entry ? 'certificates' : 'lookups', index, 'backend'],
          message: `no back end "${entry.backend}" in backends`,
        });
      }
    });
  });
export type CitizenCatalog = z.output<typeof citizenCatalogSchema>;

/** What a back end answers before labels: values by field key, and table rows. */
export const backendAnswerSchema = z.object({
  values: z.record(z.string(), z.string()),
  rows: z.array(z.record(z.string(), z.string())),
});
export type BackendAnswer = z.infer<typeof backendAnswerSchema>;
