import { z } from 'zod';
import { deviceDetailSchema, deviceRoleSchema, deviceStateSchema } from './status.js';
import { terminalRoleSchema } from './terminal.js';

/** What a technician leaves in the machine's log book: who the terminal is, each device with port and state, the last device events. */
export const deviceReportSchema = z.object({
  terminalId: z.string(),
  version: z.string(),
  hall: z.string(),
  role: terminalRoleSchema,
  devices: z.array(z.object({ role: deviceRoleSchema, port: z.string(), state: deviceStateSchema, detail: deviceDetailSchema.nullable() })),
  events: z.array(z.object({ at: z.string(), role: deviceRoleSchema, state: deviceStateSchema, detail: deviceDetailSchema.nullable() })),
  at: z.iso.datetime(),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;
