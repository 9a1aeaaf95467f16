import { z } from 'zod';

export const terminalRoleSchema = z.enum(['kiosk', 'counter', 'display']);
export type TerminalRole = z.infer<typeof terminalRoleSchema>;

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Text in every locale the terminal speaks; zh-CN is always present. */
export const localizedTextSchema = z.object({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The settings of `TerminalInfo` the hall may set on a terminal: the setup screen shows them as the hall's. */
export const hallManagedFieldSchema = z.enum(['locale', 'idleTimeoutSeconds', 'enabledServices', 'speechVolume']);
export type HallManagedField = z.infer<typeof hallManagedFieldSchema>;

/** What the renderer may know of the terminal's configuration (no secrets). */
export const terminalInfoSchema = z.object({
  terminalId: z.string(),
  hallId: z.string(),
  role: terminalRoleSchema,
  windowNumber: z.number().int().positive().nullable(),
  locale: localeSchema,
  idleTimeoutSeconds: z.number().int().positive(),
  upstream: z.string(),
  enabledServices: z.array(z.string()),
  announcementLanguages: z.array(localeSchema),
  idleWarningSeconds: z.number().int().positive(),
  /** The hall's speech volume (0–1) for the kiosk's voice guidance: every citizen session starts at it. */
  speechVolume: z.number().min(0).max(1).optional(),
  /** Which of the settings above the hall set (they are changed at the hall, not here), and the version applied. */
  hallManaged: z.array(hallManagedFieldSchema),
  hallConfigVersion: z.number().int().positive().nullable(),
});
export type TerminalInfo = z.infer<typeof terminalInfoSchema>;

/**
 * Settings the hall server may change on a terminal while it runs (scope
 * "config", keyed by terminal id, or "*" for every terminal of the hall).
 * Only what is safe to change without a restart is here.
 */
export const hallConfigOverridesSchema = z
  .object({
    idleTimeoutSeconds: z.number().int().min(15).max(3600),
    locale: localeSchema,
    services: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)),
    /** Where a kiosk sends citizens when a service (or all) cannot work: the nearest staffed window. */
    staffedWindow: localizedTextSchema,
    speechVolume: z.number().min(0).max(1),
    /** The version of a hall terminal slot's settings, which the terminal reports back once applied (`config.applied`). */
    configVersion: z.number().int().positive(),
  })
  .partial()
  .strict();
export type HallConfigOverrides = z.infer<typeof hallConfigOverridesSchema>;
