import { z } from 'zod';
import { terminalSlotRequestSchema, type TerminalSlotRequest } from '../../main/contract/terminalSlot.js';

const field = z.string().max(200);

/** The terminals page's "new slot" form as a browser posts it: every field text, services one per ticked box. */
export const slotFormSchema = z
  .object({
    terminalId: field,
    role: field,
    window: field.default(''),
    services: z.union([field, z.array(field).max(50)]).default([]),
    idleTimeoutSeconds: field,
    locale: field,
  })
  .strict();

/** The page's "replace this box" form: the slot, and the technician's tick that the old box is broken and taken away. */
export const replaceFormSchema = z
  .object({ terminalId: field, confirm: z.literal('yes', { error: 'tick that the old box is taken away' }) })
  .strict();

/** The form's text as a slot request, or what is wrong with it, field by field (the API's own schema decides). */
export function slotRequestOf(form: z.output<typeof slotFormSchema>): { request: TerminalSlotRequest } | { problems: string[] } {
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);
  const parsed = terminalSlotRequestSchema.safeParse({
    terminalId: form.terminalId.trim(),
    role: form.role,
    window: form.window.trim() === '' ? null : number(form.window),
    settings: {
      services: Array.isArray(form.services) ? form.services : [form.services],
      idleTimeoutSeconds: number(form.idleTimeoutSeconds),
      locale: form.locale,
    },
  });
  if (parsed.success) return { request: parsed.data };
  return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'form'}: ${issue.message}`) };
}
