import { z } from 'zod';
import { terminalIdSchema } from './hallProtocol.js';
import { deviceRoleSchema } from './status.js';
import { localeSchema, terminalRoleSchema } from './terminal.js';

/**
 * The first-start wizard of a terminal with no configuration: join a hall
 * (which assigns id, role and window), find and test the devices, write the
 * configuration. Its calls answer only while the terminal is not set up.
 */

/** What the hall assigned at enrollment, for the technician to confirm. */
export const wizardJoinedSchema = z.object({
  terminalId: terminalIdSchema,
  role: terminalRoleSchema,
  window: z.number().int().nullable(),
  hall: z.string(),
});
export type WizardJoined = z.infer<typeof wizardJoinedSchema>;

/**
 * What discovery found at a port: why a device is proposed (what it answered, or what it is), or what a probed
 * port did. A code the screen words in its own language, with the one fact that goes in: the port as found
 * (with its USB ids), a queue's or device's name, the reader's status, the system's error.
 */
export const deviceFindingSchema = z.object({
  code: z.enum([
    'card-on-reader',
    'reader-empty',
    'reader-status',
    'escpos-status',
    'cups-queue',
    'hid-device',
    'keyboard-wedge',
    'simulator',
    'answers-neither',
    'cannot-open',
    'no-printer',
  ]),
  detail: z.string(),
});
export type DeviceFinding = z.infer<typeof deviceFindingSchema>;

/** A device the wizard proposes for a role, and why. */
export const deviceProposalSchema = z.object({
  role: deviceRoleSchema,
  /** The config's port form: serial:/dev/…, tcp://host:port, printer:NAME, cups:QUEUE, hid:VID:PID, simulator. */
  port: z.string(),
  why: deviceFindingSchema,
  /** It answered the role's own question (SAM find-card, DLE EOT); false for a listed-only device. */
  answered: z.boolean(),
});
export type DeviceProposal = z.infer<typeof deviceProposalSchema>;

/** A port that was tried and answered nothing useful: shown so the technician sees it was looked at. */
export const probedPortSchema = z.object({ port: z.string(), finding: deviceFindingSchema });

export const wizardDiscoveryInputSchema = z
  .object({
    /** Printers to ask on TCP 9100: an address (192.168.1.50 or host:port) or a /24 subnet (192.168.1.0/24). */
    tcpTargets: z
      .array(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5}|\/24)?$/, { error: 'expected an address, host:port or a /24 subnet' }))
      .max(4)
      .default([]),
  })
  .strict();

export const wizardDiscoverySchema = z.object({
  proposals: z.array(deviceProposalSchema),
  probed: z.array(probedPortSchema),
  problems: z.array(z.string()),
});
export type WizardDiscovery = z.infer<typeof wizardDiscoverySchema>;

export const wizardBindingSchema = z
  .object({
    role: deviceRoleSchema,
    port: z.string().min(1).max(200),
    /** Saved although its test failed, with the technician's reason (e.g. no paper yet). */
    confirmedFailing: z.string().min(1).max(200).optional(),
  })
  .strict();
export type WizardBinding = z.infer<typeof wizardBindingSchema>;

export const wizardFinishInputSchema = z
  .object({
    locale: localeSchema,
    bindings: z.array(wizardBindingSchema).max(5),
  })
  .strict();

export const wizardStateSchema = z.object({
  /** False once the configuration is written: the screen goes to the terminal's role. */
  unconfigured: z.boolean(),
  joined: wizardJoinedSchema.nullable(),
  /** Bindings whose live test passed in this wizard, by role. */
  passed: z.array(z.object({ role: deviceRoleSchema, port: z.string() })),
});
export type WizardState = z.infer<typeof wizardStateSchema>;
