import { z } from 'zod';
import { terminalIdSchema } from './hallProtocol.js';
import { deviceDetailSchema, deviceRoleSchema, deviceStateSchema, deviceStatusSchema } from './status.js';
import { terminalRoleSchema } from './terminal.js';

/** Terminal → hall health, and the hall's operations view of its terminals. */

export const healthPaths = {
  heartbeat: '/api/v1/health/heartbeat',
  terminals: '/api/v1/operations/terminals',
  live: '/api/v1/operations/live',
  /** Followed by the terminal id. */
  history: '/api/v1/operations/history/',
  page: '/operations',
} as const;

/** The screen a terminal shows, as the renderer names it on each route change (e.g. "kiosk/home", "setup"). */
export const screenNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}(\/[a-z0-9][a-z0-9-]{0,47})?$/, {
  error: 'expected a screen name such as "kiosk/home"',
});

/** What a terminal tells the hall every beat: the whole of its state, so a lost beat loses nothing. */
export const heartbeatSchema = z
  .object({
    /** The terminal the beat is for: the signed caller itself, never another. */
    terminalId: terminalIdSchema,
    version: z.string().min(1).max(64),
    uptimeSeconds: z.number().int().nonnegative(),
    role: terminalRoleSchema,
    window: z.number().int().min(1).max(999).nullable(),
    /** The terminal's own beat interval: the hall marks it offline after missing 3 of them. */
    intervalSeconds: z.number().int().min(1).max(3600),
    devices: z.array(deviceStatusSchema).max(16),
    backlog: z
      .object({
        events: z.number().int().nonnegative(),
        oldestAt: z.iso.datetime().nullable(),
        /** Waiting events per type: if the box dies, the hall can say what was lost (a terminal older than this sends none). */
        byType: z
          .record(z.string().max(64), z.number().int().nonnegative())
          .refine((types) => Object.keys(types).length <= 64, 'at most 64 event types')
          .default({}),
      })
      .strict(),
    lastPullAt: z.iso.datetime().nullable(),
    /** The newest change of the hall's `config` scope this terminal has applied (its pull cursor). */
    configApplied: z.number().int().nonnegative(),
    freeDiskBytes: z.number().int().nonnegative().nullable(),
    freeMemoryBytes: z.number().int().nonnegative(),
    screen: screenNameSchema.nullable(),
  })
  .strict();
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export const heartbeatAnswerSchema = z.object({ receivedAt: z.iso.datetime() });

/** What an alert is about: a terminal gone quiet, one of its devices, its outbox backlog, or its free disk below the floor. */
export const alertKindSchema = z.enum(['offline', 'device', 'backlog', 'disk']);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** An open alert of a terminal, since when it stands. */
export const openAlertSchema = z.object({
  kind: alertKindSchema,
  device: deviceRoleSchema.nullable(),
  state: deviceStateSchema.nullable(),
  detail: z.union([deviceDetailSchema, z.string()]).nullable(),
  since: z.iso.datetime(),
});
export type OpenAlert = z.infer<typeof openAlertSchema>;

/** One row of the operations view (and of `onewindow hall terminals`). */
export const terminalHealthSchema = z.object({
  terminalId: terminalIdSchema,
  role: terminalRoleSchema,
  window: z.number().int().nullable(),
  online: z.boolean(),
  /** Null: enrolled, never heard from. */
  lastBeatAt: z.iso.datetime().nullable(),
  version: z.string().nullable(),
  uptimeSeconds: z.number().int().nullable(),
  screen: z.string().nullable(),
  devices: z.array(deviceStatusSchema),
  backlog: z.number().int(),
  oldestEventAt: z.iso.datetime().nullable(),
  lastPullAt: z.iso.datetime().nullable(),
  config: z.object({ published: z.number().int(), applied: z.number().int() }),
  freeDiskBytes: z.number().int().nullable(),
  freeMemoryBytes: z.number().int().nullable(),
  alerts: z.array(openAlertSchema),
});
export type TerminalHealth = z.infer<typeof terminalHealthSchema>;

export const terminalsOverviewSchema = z.object({ at: z.iso.datetime(), terminals: z.array(terminalHealthSchema) });
export type TerminalsOverview = z.infer<typeof terminalsOverviewSchema>;

/** A terminal's health changes, newest first: what changed of its beat, alerts raised and recovered, offline and back. */
export const healthHistorySchema = z.object({
  terminalId: terminalIdSchema,
  changes: z.array(z.object({ at: z.iso.datetime(), change: z.record(z.string(), z.unknown()) })),
});

/** The JSON body every alert webhook gets; `id` is the same on a retry, so a receiver can tell a repeat. */
export const alertMessageSchema = z.object({
  id: z.string(),
  event: z.enum(['raised', 'recovered']),
  kind: alertKindSchema,
  terminalId: terminalIdSchema,
  device: deviceRoleSchema.nullable(),
  detail: z.string().nullable(),
  at: z.iso.datetime(),
  text: z.string(),
});
export type AlertMessage = z.infer<typeof alertMessageSchema>;

/** The hall's alerting settings (hall-config/alerts.json). */
export const alertsConfigSchema = z
  .object({
    /** Called with an AlertMessage (POST, JSON) on every alert raised or recovered. */
    webhooks: z.array(z.url({ protocol: /^https?$/, error: 'expected an http(s):// URL' })).max(10),
    /** A terminal whose outbox holds more events than this raises a backlog alert. */
    backlogThreshold: z.number().int().min(1).default(200),
    /** Beats missed before a terminal counts as offline. */
    missedBeats: z.number().int().min(2).max(20).default(3),
    /** A terminal with less free disk than this (where its database lives) raises a disk alert, well before it is full. */
    diskFloorMegabytes: z.number().int().min(1).default(500),
  })
  .strict();
export type AlertsConfig = z.infer<typeof alertsConfigSchema>;
/** The settings as written (defaults not yet applied). */
export type AlertsSettings = z.input<typeof alertsConfigSchema>;
