import { z } from 'zod';

/** Where on the kiosk the citizen was when they asked: the screen's name, as the kiosk's routes call them. */
export const helpScreenSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,40}$/, { error: 'expected a screen name such as "home" or "certificates"' });

/** Who came: the counter's window (null for a terminal without one) and its terminal. */
export const helpResponderSchema = z.object({ terminalId: z.string(), window: z.number().int().positive().nullable() }).strict();

/**
 * A kiosk's call for a person ("呼叫工作人员"): raised at the kiosk, shown on
 * every counter, acknowledged by one clerk ("工作人员正在赶来"); it leaves
 * the counters when the kiosk's citizen is done (the kiosk closes it).
 */
export const helpCallSchema = z
  .object({
    id: z.string().regex(/^H-[0-9A-Z]{26}$/),
    terminalId: z.string(),
    screen: helpScreenSchema,
    raisedAt: z.iso.datetime(),
    status: z.enum(['waiting', 'coming']),
    acknowledgedAt: z.iso.datetime().nullable(),
    acknowledgedBy: helpResponderSchema.nullable(),
  })
  .strict();
export type HelpCall = z.infer<typeof helpCallSchema>;

export const raiseHelpSchema = z.object({ screen: helpScreenSchema }).strict();
export const helpCallIdSchema = z.object({ id: helpCallSchema.shape.id }).strict();

/**
 * What the kiosk's screen shows of its own call: none, the call (waiting or
 * coming), or that the hall could not be reached, so nobody was told.
 */
export const kioskHelpSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }).strict(),
  z.object({ state: z.literal('unreachable') }).strict(),
  z.object({ state: z.literal('called'), call: helpCallSchema }).strict(),
]);
export type KioskHelp = z.infer<typeof kioskHelpSchema>;

export const helpPaths = {
  calls: '/api/v1/help/calls',
  acknowledge: '/api/v1/help/calls/acknowledge',
  close: '/api/v1/help/calls/close',
} as const;

/** The change-log key of a call in scope `help`. */
export const helpKey = (id: string) => `call:${id}`;
