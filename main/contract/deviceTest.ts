import { z } from 'zod';

/**
 * What a device's test did (setup's test button, the wizard, `onewindow
 * devices test`, remote care's test receipt). The screen words `code` in its
 * own language with the one fact that goes in (`detail`: a job id, the text
 * shown, a masked ID number, a CUPS reason, the system's error); `message` is
 * the same in English for the CLI, remote care and the log.
 */
export const deviceTestCodeSchema = z.enum([
  'printed',
  'paper-out',
  'cover-open',
  'printer-offline',
  'job-held',
  'scan-simulated',
  'scan-typed',
  'scan-last',
  'scan-none',
  'reader-off',
  'no-card',
  'card-read',
  'card-check-digit',
  'led-off',
  'led-shown',
  'not-configured',
  'not-connected',
  'error',
]);
export type DeviceTestCode = z.infer<typeof deviceTestCodeSchema>;

export const deviceTestResultSchema = z.object({
  ok: z.boolean(),
  code: deviceTestCodeSchema,
  detail: z.string(),
  message: z.string(),
});
export type DeviceTestResult = z.infer<typeof deviceTestResultSchema>;

/** A failed test from an error the device threw: the system's words are the detail. */
export const deviceTestError = (error: unknown): DeviceTestResult => {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'error', detail: message, message };
};
