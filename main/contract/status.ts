import { z } from 'zod';

export const hallLinkStateSchema = z.enum(['online', 'offline']);

export const deviceRoleSchema = z.enum(['idCardReader', 'scanner', 'receiptPrinter', 'documentPrinter', 'ledDisplay']);
export type DeviceRole = z.infer<typeof deviceRoleSchema>;

/** `unknown` until the device manager has checked the device. */
export const deviceStateSchema = z.enum(['unknown', 'ready', 'warning', 'fault']);

export const deviceStatusSchema = z.object({
  role: deviceRoleSchema,
  state: deviceStateSchema,
  /** A code the UI translates (`devices.detail.<code>`), e.g. `paper_out`; null when there is nothing to say. */
  detail: z.string().nullable(),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const terminalStatusSchema = z.object({
  hall: z.object({
    state: hallLinkStateSchema,
    lastContactAt: z.iso.datetime().nullable(),
  }),
  devices: z.array(deviceStatusSchema),
});
export type TerminalStatus = z.infer<typeof terminalStatusSchema>;
