import { z } from 'zod';
import { deviceDetailSchema, deviceRoleSchema } from './status.js';
import { localizedTextSchema } from './terminal.js';

/** What a kiosk service needs besides the screen: a device, or the hall server. */
export const serviceNeedSchema = z.union([deviceRoleSchema, z.literal('hall')]);
export type ServiceNeed = z.infer<typeof serviceNeedSchema>;

/** Why a need is not met: the device's own detail, a device this terminal does not have, or the hall out of reach. */
export const unmetNeedSchema = z.object({
  need: serviceNeedSchema,
  detail: z.union([deviceDetailSchema, z.enum(['not_fitted', 'unreachable', 'replaced', 'fault'])]),
});
export type UnmetNeed = z.infer<typeof unmetNeedSchema>;

/** The home screen's offer: `take-number` and each enabled catalogue category. */
export const serviceAvailabilitySchema = z.object({
  service: z.string(),
  /** The first need that is not met; null: the service works. */
  unmet: unmetNeedSchema.nullable(),
});
export type ServiceAvailability = z.infer<typeof serviceAvailabilitySchema>;

export const availabilitySchema = z.object({
  services: z.array(serviceAvailabilitySchema),
  /** Every service that needs something is unavailable: the kiosk shows its out-of-service screen. */
  outOfService: z.boolean(),
  /** Where a citizen goes instead (the hall's setting `staffedWindow`); null: "a staffed window". */
  staffedWindow: localizedTextSchema.nullable(),
});
export type Availability = z.infer<typeof availabilitySchema>;
