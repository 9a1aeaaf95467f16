import { z } from 'zod';
import { enrollResponseSchema, hallErrorSchema, hallPaths, pingResponseSchema, type TerminalBinding } from '../contract/hallProtocol.js';
import { carePaths, type CareResult } from '../contract/remoteCare.js';
import { signRequest, signingHeaders } from '../../lib/requestSigning.js';
import { conveniencePaths, progressSchema, requestReceiptSchema, type serviceRequestToHallSchema } from '../contract/convenience.js';
import {
  appointmentPaths,
  appointmentSchema,
  slotSchema,
  type AppointmentService,
  type appointmentActionSchema,
  type bookRequestSchema,
  type rescheduleRequestSchema,
} from '../contract/appointments.js';
import {
  type CitizenIdentity,
  citizenIdentitySchema,
  citizenPaths,
  issuedCertificateSchema,
  lookupResultSchema,
  type certificateRequestSchema,
  type lookupRequestSchema,
} from '../contract/citizenServices.js';
import {
  counterResultSchema,
  issuedTicketSchema,
  numberBlockSchema,
  queuePaths,
  type CounterAction,
  type IssueTicketRequest,
} from '../contract/queue.js';
import { helpCallSchema, helpPaths } from '../contract/help.js';
import { pullResponseSchema, pushResponseSchema, syncPaths, type OutboxEvent, type SyncScope } from '../contract/syncProtocol.js';
import type { Agent } from 'node:http';
import { FingerprintMismatch, hallAgent, requestOver } from './pinnedAgent.js';
import { healthPaths, heartbeatAnswerSchema, type Heartbeat } from '../contract/health.js';

export class HallRequestError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** The hall's reason code (e.g. numbers_exhausted), when it refused. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'HallRequestError';
  }
}

export interface TerminalIdentity {
  hallUrl: string;
  terminalId: string;
  secret: string;
  /** The SHA-256 fingerprint of the hall's TLS certificate, pinned at enrollment (https halls). */
  fingerprint?: string | null;
}

/** Trades a one-time code for this terminal's secret; over HTTPS only with the hall whose certificate has `fingerprint`. */
export async function enrollWithHall(hallUrl: string, code: string, fingerprint: string | null = null): Promise<TerminalIdentity> {
  return (await enrollInSlot(hallUrl, code, fingerprint)).identity;
}

/** Enrolls, and says what the hall made this terminal (role, window), for the setup wizard to confirm. */
export async function enrollInSlot(
  hallUrl: string,
  code: string,
  fingerprint: string | null,
): Promise<{ identity: TerminalIdentity; binding: TerminalBinding | null }> {
  const agent = hallAgent(hallUrl, fingerprint);
  try {
    const body = await call(
      agent,
      new URL(hallPaths.enroll, hallUrl),
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) },
      enrollResponseSchema,
    );
    return {
      identity: { hallUrl, terminalId: body.terminalId, secret: body.secret, ...(fingerprint ? { fingerprint } : {}) },
      binding: body.binding ?? null,
    };
  } finally {
    agent.destroy();
  }
}

/** How long a request the hall answers from a government back end may take: longer than any back end's timeout. */
const backendWaitMs = 65_000;

/** Requests to the hall server, each signed with the terminal's secret; answers checked against the protocol. */
export class HallClient {
  /** Every request and the live channel go through it: it holds the certificate pin. */
  readonly agent: Agent;

  constructor(
    private readonly identity: TerminalIdentity,
    private readonly timeoutMs = 5000,
  ) {
    this.agent = hallAgent(identity.hallUrl, identity.fingerprint);
  }

  ping() {
    return this.#signed('GET', hallPaths.ping, undefined, pingResponseSchema);
  }

  changes(scope: SyncScope, after: number) {
    return this.#signed('GET', `${syncPaths.changes}?scope=${scope}&after=${after}`, undefined, pullResponseSchema);
  }

  /** Headers that sign a GET of `path` now: what the live channel's WebSocket upgrade carries. */
  signedHeaders(path: string): Record<string, string> {
    const timestamp = Date.now();
    return {
      [signingHeaders.terminal]: this.identity.terminalId,
      [signingHeaders.timestamp]: String(timestamp),
      [signingHeaders.signature]: signRequest(this.identity.secret, 'GET', path, '', timestamp),
    };
  }

  get hallUrl(): string {
    return this.identity.hallUrl;
  }

  get terminalId(): string {
    return this.identity.terminalId;
  }

  heartbeat(beat: Heartbeat) {
    return this.#signed('POST', healthPaths.heartbeat, beat, heartbeatAnswerSchema);
  }

  /** The result of a care command the hall sent (a screenshot can be megabytes: a longer wait). */
  careResult(result: CareResult) {
    return this.#signed('POST', carePaths.results, result, z.object({ state: z.string() }), 60_000);
  }

  push(events: readonly OutboxEvent[]) {
    return this.#signed('POST', syncPaths.push, { events }, pushResponseSchema);
  }

  issueTicket(request: IssueTicketRequest) {
    return this.#signed('POST', queuePaths.tickets, request, issuedTicketSchema);
  }

  leaseBlock(service: string, size: number) {
    return this.#signed('POST', queuePaths.blocks, { service, size }, numberBlockSchema);
  }

  remindByPhone(ticketId: string, phone: string) {
    return this.#signed('POST', queuePaths.reminders, { ticketId, phone }, z.object({}));
  }

  counter(window: number, act: CounterAction) {
    return this.#signed('POST', queuePaths.counter, { window, act }, counterResultSchema);
  }

  identifyEid(token: string) {
    return this.#signed('POST', citizenPaths.identify, { token }, citizenIdentitySchema);
  }

  lookup(request: z.input<typeof lookupRequestSchema>) {
    // The hall waits for the back end (its own timeout, a few seconds) and says which one failed: wait longer than it.
    return this.#signed('POST', citizenPaths.lookup, request, lookupResultSchema, backendWaitMs);
  }

  issueCertificate(request: z.input<typeof certificateRequestSchema>) {
    return this.#signed('POST', citizenPaths.certificates, request, issuedCertificateSchema, backendWaitMs);
  }

  submitRequest(body: z.input<typeof serviceRequestToHallSchema>) {
    return this.#signed('POST', conveniencePaths.requests, body, requestReceiptSchema);
  }

  progress(number: string) {
    return this.#signed('POST', conveniencePaths.progress, { number }, progressSchema);
  }

  raiseHelp(screen: string) {
    return this.#signed('POST', helpPaths.calls, { screen }, helpCallSchema);
  }

  acknowledgeHelp(id: string) {
    return this.#signed('POST', helpPaths.acknowledge, { id }, helpCallSchema);
  }

  closeHelp(id: string) {
    return this.#signed('POST', helpPaths.close, { id }, z.object({}));
  }

  slots(service: AppointmentService) {
    return this.#signed('POST', appointmentPaths.slots, { service }, z.array(slotSchema));
  }

  book(request: z.input<typeof bookRequestSchema>) {
    return this.#signed('POST', appointmentPaths.book, request, appointmentSchema);
  }

  cancelAppointment(request: z.input<typeof appointmentActionSchema>) {
    return this.#signed('POST', appointmentPaths.cancel, request, appointmentSchema);
  }

  reschedule(request: z.input<typeof rescheduleRequestSchema>) {
    return this.#signed('POST', appointmentPaths.reschedule, request, appointmentSchema);
  }

  myAppointments(citizen: CitizenIdentity) {
    return this.#signed('POST', appointmentPaths.mine, { citizen }, z.array(appointmentSchema));
  }

  checkIn(request: z.input<typeof appointmentActionSchema>) {
    return this.#signed(
      'POST',
      appointmentPaths.checkIn,
      request,
      z.object({ appointment: appointmentSchema, issued: issuedTicketSchema }),
    );
  }

  #signed<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    schema: S,
    timeoutMs = this.timeoutMs,
  ): Promise<z.output<S>> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = Date.now();
    const headers: Record<string, string> = {
      [signingHeaders.terminal]: this.identity.terminalId,
      [signingHeaders.timestamp]: String(timestamp),
      [signingHeaders.signature]: signRequest(this.identity.secret, method, path, body, timestamp),
    };
    if (body !== '') headers['content-type'] = 'application/json';
    return call(
      this.agent,
      new URL(path, this.identity.hallUrl),
      { method, headers, ...(body !== '' ? { body } : {}), signal: AbortSignal.timeout(timeoutMs) },
      schema,
    );
  }
}

async function call<S extends z.ZodType>(agent: Agent, url: URL, init: Parameters<typeof requestOver>[2], schema: S): Promise<z.output<S>> {
  let response: Awaited<ReturnType<typeof requestOver>>;
  try {
    response = await requestOver(agent, url, init);
  } catch (error) {
    if (error instanceof FingerprintMismatch) throw new HallRequestError(error.message, null, 'fingerprint_mismatch');
    throw new HallRequestError(`cannot reach the hall server at ${url.origin}: ${(error as Error).message}`, null);
  }
  const { text } = response;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HallRequestError(`the hall server answered ${response.status} with something that is not JSON`, response.status);
  }
  if (response.status < 200 || response.status > 299) {
    const failure = hallErrorSchema.safeParse(json);
    throw new HallRequestError(
      failure.success ? failure.data.error.message : `the hall server answered ${response.status}`,
      response.status,
      failure.success ? failure.data.error.code : null,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HallRequestError('the hall server answered with data of the wrong shape', response.status);
  return parsed.data;
}
