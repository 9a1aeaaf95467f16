import { z } from 'zod';

/** `replaced`: the hall refuses this box because its slot went to a new box (it answers, but this box no longer counts). */
export const hallLinkStateSchema = z.enum(['online', 'offline', 'replaced']);
export type HallLinkState = z.infer<typeof hallLinkStateSchema>;

export const deviceRoleSchema = z.enum(['idCardReader', 'scanner', 'receiptPrinter', 'documentPrinter', 'ledDisplay']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

/** `unknown` until the device manager has checked the device. */
export const deviceStateSchema = z.enum(['unknown', 'ready', 'warning', 'fault']);

/** Why a device is not simply ready; the UI translates each (`status.detail.<code>`). */
export const deviceDetailSchema = z.enum([
  'connecting',
  'disconnected',
  'not_responding',
  'self_test_failed',
  'paper_near_end',
  'paper_out',
  'cover_open',
  'offline',
  'media_jam',
]);
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

export const deviceStatusSchema = z.object({
  role: deviceRoleSchema,
  state: deviceStateSchema,
  detail: deviceDetailSchema.nullable(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const terminalStatusSchema = z.object({
  hall: z.object({
    state: hallLinkStateSchema,
    lastContactAt: z.iso.datetime().nullable(),
    /** Events in the outbox that the hall server has not acknowledged yet. */
    backlog: z.number().int().nonnegative(),
    lastPushAt: z.iso.datetime().nullable(),
  }),
  devices: z.array(deviceStatusSchema),
});
export type TerminalStatus = z.infer<typeof terminalStatusSchema>;
