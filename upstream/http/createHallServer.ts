import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { enrollRequestSchema, hallPaths } from '../../main/contract/hallProtocol.js';
import { checkSignature, signingHeaders } from '../../lib/requestSigning.js';
import { issuesFromZod } from '../../main/contract/errors.js';
import { pullQuerySchema, pushRequestSchema, syncPaths } from '../../main/contract/syncProtocol.js';
import fastifyWebsocket from '@fastify/websocket';
import { ChangeLog } from '../sync/changeLog.js';
import { LiveHub } from '../sync/liveHub.js';
import type { Database, Queryable } from '../../lib/sqlite/database.js';
import type { z } from 'zod';
import { EventIntake, EventRefusal, type EventEffect } from '../sync/eventIntake.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { offlineTicketEventSchema, ratingSchema } from '../../main/contract/queue.js';
import { CounterDesk } from '../queue/counterDesk.js';
import { QueueContext } from '../queue/queueContext.js';
import { QueueRefusal } from '../queue/queueRefusal.js';
import { registerQueueRoutes } from '../queue/queueRoutes.js';
import { TicketIssuer } from '../queue/ticketIssuer.js';
import { refuse, refuseInput } from './refuse.js';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import { CertificateIssuer } from '../citizen/certificateIssuer.js';
import type { CitizenBackends } from '../citizen/citizenBackends.js';
import { registerCitizenRoutes } from '../citizen/citizenRoutes.js';
import { SigningKey } from '../citizen/signingKey.js';
import type { AppointmentsConfig } from '../../main/contract/appointments.js';
import { AppointmentBook } from '../appointments/appointmentBook.js';
import { registerAppointmentRoutes } from '../appointments/appointmentRoutes.js';
import type { ConvenienceConfig } from '../../main/contract/convenience.js';
import { RequestDesk } from '../requests/requestDesk.js';
import { registerRequestRoutes } from '../requests/requestRoutes.js';
import { hallOpenApi } from './openApi.js';
import { setupLockedOutEventSchema } from '../../main/contract/setupPin.js';
import { EnrollmentError, TerminalRegistry } from '../identity/terminalRegistry.js';
import { ReplayGuard } from '../identity/replayGuard.js';
import { SecretBox } from '../identity/secretBox.js';
import { hallKeyFiles } from '../storage/hallKeyFiles.js';
import { listenUrlOf } from './listenUrl.js';
import { defaultRetentionDays, sweepPersonalData } from '../privacy/retentionSweep.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
    terminalId: string | null;
  }
}

export interface HallServerOptions {
  db: Database;
  /** How often the live channel looks for new changes. */
  livePollMs?: number;
  logger: Logger;
  now?: () => number;
  /** The hall's queue: services, number ranges, windows, day rules (kiosk-config/queue). */
  queue: HallQueue;
  /** Opens the supervisor's dashboard at /dashboard?key=…; null keeps it closed. */
  dashboardKey?: string | null;
  /** Certificates and lookups: the catalogue (kiosk-config/citizen-services.json) and the back ends' adapters. */
  citizen: { catalog: CitizenCatalog; backends: CitizenBackends };
  /** Appointment slots and check-in rules (kiosk-config/appointments.json). */
  appointments: AppointmentsConfig;
  /** The convenience forms' choices (kiosk-config/convenience.json). */
  convenience: ConvenienceConfig;
  /** The folder of the hall's key files (0600): the certificate signing key and the key sealing terminal secrets. */
  keyDir: string;
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: { cert: string; key: string };
  /** The hall as citizens' phones reach it (a certificate's verification link); default: the address it listens on. */
  publicUrl?: string;
  /** Days after which personal data of finished appointments, requests and events is removed (default 180). */
  retentionDays?: number;
}

/** An outbox event's effect at the hall, its payload checked against `schema` first. */
function effectOf<S extends z.ZodType>(schema: S, apply: (tx: Queryable, terminalId: string, payload: z.output<S>) => Promise<void>): EventEffect {
  return async (tx, terminalId, payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new EventRefusal(issuesFromZod(parsed.error).map((issue) => `payload.${issue.path}: ${issue.message}`).join('; '));
    try {
      await apply(tx, terminalId, parsed.data);
    } catch (error) {
      if (error instanceof QueueRefusal) throw new EventRefusal(error.message);
      throw error;
    }
  };
}

/**
 * The hall server's HTTP API. Every route but enrollment needs a request
 * signed by an enrolled, unrevoked terminal: anything else gets 401 and
 * nothing is written.
 */
export async function createHallServer(options: HallServerOptions) {
  const now = options.now ?? Date.now;
  const keyFiles = hallKeyFiles(options.keyDir);
  const secrets = await SecretBox.load(keyFiles.terminalSecrets);
  await secrets.sealClearSecrets(options.db);
  const registry = new TerminalRegistry(options.db, undefined, secrets);
  const changes = new ChangeLog(options.db);
  let live: LiveHub | null = null;
  const queue = new QueueContext(options.db, options.queue, changes, () => new Date(now()), () => live?.poke());
  const issuer = new TicketIssuer(queue, options.logger);
  const desk = new CounterDesk(queue);
  const intake = new EventIntake(options.db, () => new Date(now()), {
    'queue.ticket-issued': effectOf(offlineTicketEventSchema, (tx, terminalId, event) => issuer.acceptOffline(tx, terminalId, event)),
    'queue.ticket-rated': effectOf(ratingSchema, (tx, _terminalId, rating) => issuer.rate(tx, rating)),
    // Stored like every event; the warning is what an operator's log watch sees.
    'setup.locked-out': effectOf(setupLockedOutEventSchema, async (_tx, terminalId, lockout) => {
      options.logger.warn({ terminalId, failures: lockout.failures, lockouts: lockout.lockouts, lockedUntil: lockout.lockedUntil }, 'a terminal locked its setup mode after wrong PINs');
    }),
  });
  await queue.publishSetup();
  const replays = new ReplayGuard();
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
    // Typed as the plain HTTP server: the routes use nothing that differs between the two.
    ...(options.tls ? { https: options.tls } : {}),
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  live = new LiveHub(changes, options.logger, options.livePollMs);
  await live.start();
  app.addHook('onClose', async () => live?.stop());
  app.decorateRequest('rawBody', '');
  app.decorateRequest('terminalId', null);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500) return refuse(reply, error.statusCode, 'bad_request', error.message);
    options.logger.error({ err: error }, 'hall request failed');
    return refuse(reply, 500, 'internal', 'the hall server failed');
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url === hallPaths.enroll || !request.url.startsWith('/api/')) return;
    const terminalId = request.headers[signingHeaders.terminal];
    const timestamp = Number(request.headers[signingHeaders.timestamp]);
    const signature = request.headers[signingHeaders.signature];
    if (typeof terminalId !== 'string' || typeof signature !== 'string') {
      return refuse(reply, 401, 'unauthorized', 'the request is not signed');
    }
    const secret = await registry.secretOf(terminalId);
    if (!secret) return refuse(reply, 401, 'unauthorized', 'unknown or revoked terminal');
    const check = checkSignature(secret, { method: request.method, path: request.url, body: request.rawBody, timestamp, signature }, now());
    if (check === 'stale') return refuse(reply, 401, 'unauthorized', 'the request time is outside the replay window (check the terminal clock)');
    if (check === 'bad-signature') return refuse(reply, 401, 'unauthorized', 'bad signature');
    if (!replays.firstUse(signature, now())) return refuse(reply, 401, 'unauthorized', 'this request was already received');
    request.terminalId = terminalId;
  });

  app.post(hallPaths.enroll, async (request, reply) => {
    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    try {
      return await registry.enroll(parsed.data.code);
    } catch (error) {
      if (error instanceof EnrollmentError) return refuse(reply, 401, 'unauthorized', error.message);
      throw error;
    }
  });

  const openApi = hallOpenApi();
  app.get('/docs', async () => openApi);

  app.get(hallPaths.ping, async (request) => ({ terminalId: request.terminalId!, hallTime: new Date(now()).toISOString() }));

  app.get(syncPaths.changes, async (request, reply) => {
    const query = pullQuerySchema.safeParse(request.query);
    if (!query.success) return refuseInput(reply, query.error);
    return changes.changesSince(query.data.scope, query.data.after, query.data.limit);
  });

  app.get(syncPaths.live, { websocket: true }, (socket) => {
    live!.add(socket);
    // Terminals only listen here; what they send is ignored.
    socket.on('message', () => undefined);
  });

  app.post(syncPaths.push, async (request, reply) => {
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return refuseInput(reply, parsed.error);
    return intake.accept(request.terminalId!, parsed.data.events);
  });

  const key = await SigningKey.load(options.db, keyFiles.signing);
  registerCitizenRoutes(app, {
    ...options.citizen,
    key,
    publicUrl: () => options.publicUrl ?? listenUrlOf(app.server, options.tls !== undefined),
    issuer: new CertificateIssuer(options.db, options.citizen.catalog, options.citizen.backends, key, () => new Date(now())),
  });
  registerRequestRoutes(app, new RequestDesk(queue, options.convenience));
  const appointmentBook = new AppointmentBook(queue, issuer, options.appointments);
  registerAppointmentRoutes(app, appointmentBook);
  const noShowSweep = setInterval(() => void appointmentBook.recordNoShows().catch((error: unknown) => options.logger.warn({ err: error }, 'could not record no-shows')), 60_000);
  app.addHook('onClose', async () => clearInterval(noShowSweep));
  const sweep = () => sweepPersonalData(options.db, new Date(now()), options.retentionDays ?? defaultRetentionDays);
  await sweep();
  const retentionSweep = setInterval(() => void sweep().catch((error: unknown) => options.logger.warn({ err: error }, 'could not remove expired personal data')), 3600_000);
  app.addHook('onClose', async () => clearInterval(retentionSweep));
  await registerQueueRoutes(app, { queue, issuer, desk, dashboardKey: options.dashboardKey ?? null });
  return app;
}
