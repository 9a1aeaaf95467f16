import { z } from 'zod';
import { catalogueCategorySchema } from './catalogue.js';
import { pairingCodeSchema, setupTokenSchema, setupUnlockInputSchema, setupUnlockOutputSchema } from './setup.js';
import { deviceRoleSchema, terminalStatusSchema } from './status.js';
import { deviceTestResultSchema } from './deviceTest.js';
import { availabilitySchema } from './availability.js';
import { deviceReportSchema } from './deviceReport.js';
import {
  wizardBindingSchema,
  wizardDiscoveryInputSchema,
  wizardDiscoverySchema,
  wizardFinishInputSchema,
  wizardJoinedSchema,
  wizardStateSchema,
} from './setupWizard.js';
import { localeSchema, localizedTextSchema, terminalInfoSchema } from './terminal.js';
import {
  convenienceConfigSchema,
  progressRequestSchema,
  progressSchema,
  requestReceiptSchema,
  serviceRequestSchema,
} from './convenience.js';
import { catalogueItemSchema, catalogueItemSummarySchema, catalogueQuerySchema } from './catalogueItems.js';
import {
  appointmentSchema,
  myAppointmentSchema,
  appointmentServiceSchema,
  bookRequestSchema,
  rescheduleRequestSchema,
  slotSchema,
} from './appointments.js';
import { citizenSummarySchema } from './citizen.js';
import { helpCallIdSchema, helpCallSchema, kioskHelpSchema, raiseHelpSchema } from './help.js';
import { certificatePrintSchema, certificateTypeSchema, citizenMenuSchema, lookupIdSchema, lookupResultSchema } from './citizenServices.js';
import {
  counterActionSchema,
  counterStateSchema,
  evaluationRequestSchema,
  hallBoardSchema,
  queueOverviewSchema,
  ratingSchema,
  takenTicketSchema,
  takeTicketInputSchema,
} from './queue.js';
import { screenNameSchema } from './health.js';
import { turnReminderSchema } from './turnReminder.js';

const noInput = z.object({}).strict();

/**
 * Every call the renderer can make of the host. Adding a method here makes the
 * dispatcher require a handler for it (see RpcHandlers), so the two cannot drift.
 */
export const rpcMethods = {
  'terminal.info': { input: noInput, output: terminalInfoSchema },
  'status.get': { input: noInput, output: terminalStatusSchema },
  /** Kiosk home: which services work now, and for those that do not, why (re-read on status.changed and terminal.changed). */
  'status.availability': { input: noInput, output: availabilitySchema },
  'catalogue.categories': { input: noInput, output: z.array(catalogueCategorySchema) },
  /** Opens setup mode for a while; a wrong PIN is refused, and repeated wrong PINs lock it. */
  'setup.unlock': { input: setupUnlockInputSchema, output: setupUnlockOutputSchema },
  /** Re-reads the catalogue data files into the store; used by setup after a technician edits them. */
  'catalogue.reload': {
    input: z.object({ setupToken: setupTokenSchema }).strict(),
    output: z.object({ categories: z.number().int().nonnegative() }),
  },
  /** What setup's test buttons do: print a test ticket, read a card, show text on the LED. */
  'devices.test': {
    input: z.object({ setupToken: setupTokenSchema, role: deviceRoleSchema }).strict(),
    output: deviceTestResultSchema,
  },
  /** Kiosk: the queue services with how many wait and how long. */
  'queue.overview': { input: noInput, output: queueOverviewSchema },
  /** Kiosk: takes a ticket (from the hall, or a leased block when it is away) and prints it. */
  'queue.takeTicket': { input: takeTicketInputSchema, output: takenTicketSchema },
  /** Kiosk: a text message when the ticket just taken nears its turn; the hall keeps the number only until the ticket ends. */
  'queue.remindByPhone': { input: turnReminderSchema, output: z.object({}).strict() },
  /** Display: now calling, the last calls, waiting per service. */
  'queue.board': { input: noInput, output: hallBoardSchema },
  /** Counter: this window's ticket, who waits, where tickets may go. */
  'counter.state': { input: noInput, output: counterStateSchema },
  'counter.act': { input: z.object({ act: counterActionSchema }).strict(), output: counterStateSchema },
  /** Waits up to waitSeconds for an ID card and reads it; screens get it masked, the host keeps it for the session. */
  'citizen.readCard': {
    input: z.object({ waitSeconds: z.number().int().min(0).max(60) }).strict(),
    output: z.object({ citizen: citizenSummarySchema.nullable() }),
  },
  /** An e-ID code scanned from the citizen's phone (or typed): the hall says who it is. */
  'citizen.scanEid': {
    input: z.object({ code: z.string().min(1).max(200) }).strict(),
    output: z.object({ citizen: citizenSummarySchema }),
  },
  /** The citizen agreed that their records may be looked up. */
  'citizen.consent': { input: noInput, output: z.object({ citizen: citizenSummarySchema }) },
  'citizen.current': { input: noInput, output: z.object({ citizen: citizenSummarySchema.nullable() }) },
  /** The certificates and lookups this hall offers (its hall-config/citizen-services.json, pulled as scope hallServices). */
  'citizenServices.menu': { input: noInput, output: citizenMenuSchema },
  /** Issues, lays out and prints a certificate for the citizen in session; progress comes as certificate.progress. */
  'certificates.print': {
    // largePrint: the kiosk asks for it in elder mode.
    input: z.object({ type: certificateTypeSchema, largePrint: z.boolean().default(false) }).strict(),
    output: certificatePrintSchema,
  },
  'lookups.run': {
    input: z.object({ lookup: lookupIdSchema, year: z.number().int().min(1990).max(2100).nullable() }).strict(),
    output: lookupResultSchema,
  },
  /** Prints the last result on the receipt printer. */
  'lookups.print': { input: noInput, output: z.object({ printed: z.boolean(), problem: z.string().nullable() }) },
  'appointments.services': { input: noInput, output: z.array(z.object({ id: appointmentServiceSchema, name: localizedTextSchema })) },
  'appointments.slots': { input: z.object({ service: appointmentServiceSchema }).strict(), output: z.array(slotSchema) },
  /** Books for the citizen in session; a receipt with the code's QR code prints. */
  'appointments.book': {
    input: bookRequestSchema.omit({ citizen: true }).strict(),
    output: z.object({ appointment: appointmentSchema, printed: z.boolean() }),
  },
  'appointments.mine': { input: noInput, output: z.array(myAppointmentSchema) },
  'appointments.cancel': { input: z.object({ code: z.string().min(1).max(40) }).strict(), output: appointmentSchema },
  'appointments.reschedule': {
    input: rescheduleRequestSchema.omit({ citizen: true }).strict(),
    output: z.object({ appointment: appointmentSchema, printed: z.boolean() }),
  },
  /** At a counter, after the citizen's card was read: their appointments today. */
  'appointments.today': { input: noInput, output: z.array(appointmentSchema) },
  /** On the day: the appointment becomes a queue ticket, printed like any other. */
  'appointments.checkIn': { input: z.object({ code: z.string().min(1).max(40) }).strict(), output: takenTicketSchema },
  /** The government-service items: departments and life events to browse by. */
  'catalogue.browse': {
    input: noInput,
    output: z.object({
      departments: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
      lifeEvents: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
      items: z.number().int(),
    }),
  },
  /** Items by text (Chinese, pinyin initials or pinyin) and/or department or life event; answers as the citizen types. */
  'catalogue.search': { input: catalogueQuerySchema, output: z.array(catalogueItemSummarySchema) },
  'catalogue.item': { input: z.object({ id: z.string().min(1).max(60) }).strict(), output: catalogueItemSchema },
  'catalogue.printGuide': { input: z.object({ id: z.string().min(1).max(60) }).strict(), output: z.object({ printed: z.boolean() }) },
  /** The convenience forms' choices: districts and streets, complaint topics. */
  'convenience.options': { input: noInput, output: convenienceConfigSchema },
  /** A request for the citizen in session, passed to the hall for dispatch; a receipt with its reference prints. */
  'convenience.submit': {
    input: z.object({ request: serviceRequestSchema }).strict(),
    output: requestReceiptSchema.extend({ printed: z.boolean() }),
  },
  'convenience.progress': { input: progressRequestSchema, output: progressSchema },
  /** The citizen is done (or walked away): what the session held is dropped. */
  'citizen.end': { input: noInput, output: z.object({}) },
  /** The citizen tapped "continue" on the idle countdown: the host's idle clock starts again. How long it now gives, null when no session is open. */
  'citizen.stillHere': { input: noInput, output: z.object({ secondsLeft: z.number().int().nonnegative().nullable() }) },
  /** Kiosk: elder mode on or off for this citizen: the host's idle timeout doubles while it is on, until the session ends. */
  'citizen.elderMode': { input: z.object({ on: z.boolean() }).strict(), output: z.object({}) },
  /** Counter's citizen-facing screen: the finished ticket waiting for a rating, if any. */
  'evaluation.pending': { input: noInput, output: z.object({ request: evaluationRequestSchema.nullable() }) },
  'evaluation.submit': { input: ratingSchema, output: z.object({}) },
  /** Speech made on the host (espeak-ng) when the screen's browser has no voice: a WAV, base64. */
  'voice.synthesize': {
    input: z.object({ text: z.string().min(1).max(200), locale: localeSchema }).strict(),
    output: z.object({ wav: z.base64() }),
  },
  /** Setup: a short one-time code that lets another screen (a hall TV, a second browser) in when typed on it. */
  'setup.pairingCode': {
    input: z.object({ setupToken: setupTokenSchema }).strict(),
    output: z.object({ code: pairingCodeSchema, expiresAt: z.iso.datetime() }),
  },
  /** The screen now shown (on each route change): the hall's operations view shows it with the terminal's heartbeat. */
  'terminal.screenShown': { input: z.object({ screen: screenNameSchema }).strict(), output: z.object({}) },
  /** Kiosk: calls a person to this kiosk, naming the screen; says "unreachable" when the hall cannot be told. */
  'help.call': { input: raiseHelpSchema, output: kioskHelpSchema },
  /** Kiosk: its open call, and whether a clerk is coming. */
  'help.mine': { input: noInput, output: kioskHelpSchema },
  'help.close': { input: noInput, output: z.object({}) },
  /** Counter: the kiosks' open help calls, oldest first. */
  'help.calls': { input: noInput, output: z.object({ calls: z.array(helpCallSchema) }) },
  'help.acknowledge': { input: helpCallIdSchema, output: z.object({ calls: z.array(helpCallSchema) }) },
  /** Setup: prints the device report (terminal, devices with port and state, last device events) on the receipt printer. */
  'devices.report': {
    input: z.object({ setupToken: setupTokenSchema }).strict(),
    output: z.object({ report: deviceReportSchema, printProblem: z.string().nullable() }),
  },
  /** First-start wizard (no configuration yet): where it stands. */
  'wizard.state': { input: noInput, output: wizardStateSchema },
  /** Wizard: joins the hall of an enrollment QR payload (scanned or typed): the hall assigns id, role and window. */
  'wizard.join': { input: z.object({ payload: z.string().min(1).max(1000) }).strict(), output: wizardJoinedSchema },
  /** Wizard: what is attached, each role's likely device and why. */
  'wizard.discover': { input: wizardDiscoveryInputSchema, output: wizardDiscoverySchema },
  /** Wizard: tries a device live in a role (reads a card, prints a test receipt, shows LED text). */
  'wizard.test': {
    input: wizardBindingSchema.pick({ role: true, port: true }),
    output: deviceTestResultSchema,
  },
  /** Wizard: writes the configuration (passed or confirmed-failing bindings only) and starts the terminal. */
  'wizard.finish': { input: wizardFinishInputSchema, output: z.object({ role: z.string() }) },
} as const;

/** Every event the host pushes to the screens. Events say what changed; state comes from calls. */
export const rpcEvents = {
  'status.changed': terminalStatusSchema,
  /** The hall server changed this terminal's settings: screens re-read terminal.info. */
  'terminal.changed': z.object({}),
  /** A code read by a scanner the host drives (HID); keyboard-wedge scans arrive in the renderer itself. */
  'scanner.scanned': z.object({ code: z.string().min(1).max(4096) }),
  'catalogue.changed': z.object({ categories: z.number().int().nonnegative() }),
  /** The local copy of the hall's queue changed: queue screens re-read. */
  'queue.changed': z.object({}),
  /** The citizen session ended without the screen asking (card taken out, or the host's idle timeout): screens go home. */
  'citizen.ended': z.object({ reason: z.enum(['finished', 'card_removed', 'idle']) }),
  /** The host will end the citizen session in secondsLeft unless the screen calls citizen.stillHere: screens count down. */
  'citizen.idle': z.object({ secondsLeft: z.number().int().nonnegative() }),
  'certificate.progress': z.object({ stage: z.enum(['issuing', 'rendering', 'printing', 'done', 'held', 'failed']) }),
  /** A ticket was finished at this counter: the evaluation screen asks for a rating. */
  'evaluation.requested': evaluationRequestSchema,
  /** A help call was raised, acknowledged or closed: kiosks and counters re-read. */
  'help.changed': z.object({}),
  /** The hall's offer (certificates and lookups, appointment rules, convenience forms) was pulled anew: menus re-read it. */
  'hallServices.changed': z.object({}),
} as const;

export type RpcMethodName = keyof typeof rpcMethods;
export type RpcInput<M extends RpcMethodName> = z.input<(typeof rpcMethods)[M]['input']>;
export type RpcOutput<M extends RpcMethodName> = z.output<(typeof rpcMethods)[M]['output']>;
export type RpcEventName = keyof typeof rpcEvents;
export type RpcEventPayload<E extends RpcEventName> = z.output<(typeof rpcEvents)[E]>;

export type RpcHandlers = {
  [M in RpcMethodName]: (input: z.output<(typeof rpcMethods)[M]['input']>) => Promise<RpcOutput<M>>;
};

export type RpcEventListener<E extends RpcEventName> = (payload: RpcEventPayload<E>) => void;

/** What the renderer holds, whichever transport is underneath. Calls reject with RpcError. */
export interface RpcClient {
  call<M extends RpcMethodName>(method: M, input: RpcInput<M>): Promise<RpcOutput<M>>;
  on<E extends RpcEventName>(event: E, listener: RpcEventListener<E>): () => void;
}

export function isRpcMethodName(name: string): name is RpcMethodName {
  return Object.hasOwn(rpcMethods, name);
}

export function isRpcEventName(name: string): name is RpcEventName {
  return Object.hasOwn(rpcEvents, name);
}

/** Wire names shared by the Electron preload and main process. */
export const ipcChannels = {
  call: 'onewindow:rpc',
  event: 'onewindow:event',
} as const;

/** Wire form of an event on the bridge's WebSocket and over Electron IPC. */
export const rpcEventEnvelopeSchema = z.object({
  event: z.string(),
  payload: z.unknown(),
});
