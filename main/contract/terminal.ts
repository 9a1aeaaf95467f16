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
});
export type TerminalInfo = z.infer<typeof terminalInfoSchema>;
