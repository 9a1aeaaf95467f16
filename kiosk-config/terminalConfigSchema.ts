import { z } from 'zod';
import { addressKindsOf, parseDeviceAddress } from '../drivers/deviceAddress.js';
import { catalogueCategoryIdSchema } from '../main/contract/catalogue.js';
import { localeSchema, terminalRoleSchema } from '../main/contract/terminal.js';
import { setupPinSchema } from '../main/contract/setupPin.js';

const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { error: 'expected 1–32 letters, digits or "-"' });

/** A device address string, of a form the role's device accepts (drivers/deviceAddress.ts). */
function devicePort(role: keyof typeof addressKindsOf) {
  return z.string().superRefine((value, context) => {
    const parsed = parseDeviceAddress(value, addressKindsOf[role]);
    if (!parsed.ok) context.addIssue({ code: 'custom', input: value, message: `expected ${parsed.expected}` });
  });
}

/** Which physical device plays each device role; absent roles are not fitted. */
export const deviceBindingsSchema = z
  .object({
    idCardReader: z
      .object({
        port: devicePort('idCardReader'),
        baudRate: z.number().int().positive().default(115200),
      })
      .strict(),
    scanner: z.object({ port: devicePort('scanner') }).strict(),
    receiptPrinter: z
      .object({
        port: devicePort('receiptPrinter'),
        model: z.enum(['epson', 'star']).default('epson'),
        /** For a serial printer. */
        baudRate: z.number().int().positive().default(9600),
      })
      .strict(),
    documentPrinter: z.object({ port: devicePort('documentPrinter') }).strict(),
    ledDisplay: z
      .object({
        port: devicePort('ledDisplay'),
        /** The display's address on the RS-485 bus (255 is broadcast). */
        address: z.number().int().min(0).max(254),
        baudRate: z.number().int().positive().default(9600),
      })
      .strict(),
  })
  .partial()
  .strict();

export const terminalConfigSchema = z
  .object({
    $schema: z.string().optional(),
    terminalId: identifier,
    hallId: identifier,
    role: terminalRoleSchema,
    /** The counter's window number, shown on the LED and in announcements. Counters only. */
    windowNumber: z.number().int().min(1).max(999).optional(),
    locale: localeSchema.default('zh-CN'),
    /** Languages a display announces calls in, one after another (zh-CN first in a Chinese hall). */
    announcementLanguages: z.array(localeSchema).min(1).max(2).default(['zh-CN']),
    citizenSession: z
      .object({
        /** End the session when the ID card leaves the reader (for readers the card is inserted into, not laid on). */
        endOnCardRemoval: z.boolean().default(false),
        /** How long before the idle timeout the screen counts down, so a slow reader is not cut off unawares. */
        idleWarningSeconds: z.number().int().min(5).max(120).default(15),
      })
      .strict()
      .default({ endOnCardRemoval: false, idleWarningSeconds: 15 }),
    /** The kiosk's voice guidance starts every citizen session at this volume (0–1); the hall may set its own. */
    speechVolume: z.number().min(0).max(1).default(0.8),
    /** A citizen's session ends after this long without a touch. */
    idleTimeoutSeconds: z.number().int().min(15).max(3600).default(90),
    upstream: z.union([
      z.literal('embedded'),
      z.url({ protocol: /^https?$/, error: 'expected "embedded" or an http(s):// URL of the hall server' }),
    ]),
    /** How often the terminal checks that its hall server answers. */
    hallPingIntervalMs: z.number().int().min(200).max(600_000).default(5000),
    /** How often the terminal tells the hall how it is (heartbeat); the hall marks it offline after 3 missed. */
    heartbeatSeconds: z.number().int().min(1).max(600).default(30),
    /** How long the terminal waits for the hall before treating it as unreachable (a kiosk then issues from its leased numbers). */
    hallRequestTimeoutMs: z.number().int().min(500).max(60_000).default(5000),
    devices: deviceBindingsSchema.default({}),
    /** Catalogue category ids this terminal offers; the catalogue itself is data in kiosk-config/catalogue. */
    services: z.array(catalogueCategoryIdSchema).default([]),
    /** A hall's own catalogue folder instead of kiosk-config/catalogue; relative to the config file's folder. */
    catalogueDir: z.string().min(1).optional(),
    /** Where the terminal's database lives; relative paths are from the config file's folder. */
    dataDir: z.string().min(1).optional(),
    setup: z.object({ pin: setupPinSchema }).strict().optional(),
  })
  .strict()
  .superRefine((config, context) => {
    if (config.role === 'counter' && config.windowNumber === undefined) {
      context.addIssue({ code: 'custom', path: ['windowNumber'], message: 'required when role is "counter"' });
    }
    if (config.role !== 'counter' && config.windowNumber !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['windowNumber'],
        message: `only a counter has a window number, this terminal is a ${config.role}`,
      });
    }
  });

export type TerminalConfig = z.output<typeof terminalConfigSchema>;
export type TerminalConfigInput = z.input<typeof terminalConfigSchema>;
