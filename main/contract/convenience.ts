import { z } from 'zod';
import { citizenIdentitySchema } from './citizenServices.js';
import { phoneSchema } from './appointments.js';
import { localizedTextSchema } from './terminal.js';

const idSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

/** Choices the convenience forms offer (hall-config/convenience-forms.json): a kiosk has no keyboard, so addresses and topics are picked. */
export const convenienceConfigSchema = z
  .object({
    districts: z.array(z.object({ id: idSchema, name: localizedTextSchema, streets: z.array(localizedTextSchema).min(1) }).strict()).min(1),
    complaintTopics: z.array(z.object({ id: idSchema, name: localizedTextSchema, department: localizedTextSchema }).strict()).min(1),
  })
  .strict();
export type ConvenienceConfig = z.output<typeof convenienceConfigSchema>;

const place = { district: idSchema, street: z.number().int().nonnegative() };

/** A request a citizen makes at the kiosk, passed to the hall server for dispatch. */
export const serviceRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('mail-delivery'),
      ...place,
      building: z.string().regex(/^\d{1,4}-\d{1,4}$/, { error: 'expected building-room, e.g. 12-301' }),
      phone: phoneSchema,
    })
    .strict(),
  z.object({ kind: z.literal('home-visit'), reason: z.enum(['elderly', 'disabled']), ...place, phone: phoneSchema }).strict(),
  z.object({ kind: z.literal('complaint'), topic: idSchema, ...place, phone: phoneSchema }).strict(),
]);
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const serviceRequestToHallSchema = z.object({ citizen: citizenIdentitySchema, request: serviceRequestSchema }).strict();

export const requestReceiptSchema = z.object({
  reference: z.string().regex(/^\d{8}-\d{4}$/),
  kind: z.enum(['mail-delivery', 'home-visit', 'complaint']),
  /** Where the hall dispatched it. */
  department: localizedTextSchema,
  receivedAt: z.iso.datetime(),
});
export type RequestReceipt = z.infer<typeof requestReceiptSchema>;

export const progressRequestSchema = z
  .object({ number: z.string().regex(/^[0-9-]{6,20}$/, { error: 'expected the digits of an application or request number' }) })
  .strict();
export const progressSchema = z.object({
  number: z.string(),
  title: localizedTextSchema,
  steps: z.array(z.object({ name: localizedTextSchema, at: z.string().nullable(), done: z.boolean() })),
});
export type Progress = z.infer<typeof progressSchema>;

export const conveniencePaths = { requests: '/api/v1/requests', progress: '/api/v1/requests/progress' } as const;
