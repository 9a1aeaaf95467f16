import Fastify, { LogController } from 'fastify';
import type { Logger } from 'pino';
import { enrollRequestSchema, enrollResponseSchema, hallPaths, pingResponseSchema } from '../../main/contract/hallProtocol.js';
import { issuesFromZod } from '../../main/contract/errors.js';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, syncPaths } from '../../main/contract/syncProtocol.js';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
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
import { registerEvaluationRoutes } from '../evaluation/evaluationRoutes.js';
import { RatingCases } from '../evaluation/ratingCases.js';
import { registerStatisticsRoutes } from '../statistics/statisticsRoutes.js';
import { TicketIssuer } from '../queue/ticketIssuer.js';
import { LoggingSmsGateway, type SmsGateway } from '../queue/smsGateway.js';
import { TurnReminders } from '../queue/turnReminders.js';
import { refuse } from './refuse.js';
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
import { HelpDesk } from '../help/helpDesk.js';
import { registerHelpRoutes } from '../help/helpRoutes.js';
import { describeRoutes } from './openApi.js';
import { setupLockedOutEventSchema } from '../../main/contract/setupPin.js';
import { terminalIncidentSchema } from '../../main/contract/terminalIncident.js';
import { EnrollmentError, TerminalRegistry } from '../identity/terminalRegistry.js';
import { ReplayGuard } from '../identity/replayGuard.js';
import { StaffAccounts } from '../identity/staffAccounts.js';
import { guardAccess } from './accessGuard.js';
import { hallRoute, hallSocket } from './hallRoute.js';
import { registerStaffRoutes } from './staffRoutes.js';
import { pageFor } from '../sync/scopeVisibility.js';
import { SecretBox } from '../identity/secretBox.js';
import { hallKeyFiles } from '../storage/hallKeyFiles.js';
import { listenUrlOf } from './listenUrl.js';
import { defaultRetentionDays, sweepPersonalData } from '../privacy/retentionSweep.js';
import { startHealth } from '../health/startHealth.js';
import type { AlertsConfig } from '../../main/contract/health.js';
import { TerminalSlots } from '../terminals/terminalSlots.js';
import { registerTerminalSlotRoutes } from '../terminals/terminalSlotRoutes.js';
import { readServiceIds } from '../../hall-config/readServiceIds.js';
import { fingerprintOf } from './hallCertificate.js';
import { outboxEventPayloads } from '../../main/contract/outboxEvents.js';
import { CareCommands } from '../remoteCare/careCommands.js';
import { CareHub } from '../remoteCare/careHub.js';
import { registerCareRoutes } from '../remoteCare/careRoutes.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: string;
  }
}

export interface HallServerOptions {
  db: Database;
  /** How often the live channel looks for new changes. */
  livePollMs?: number;
  logger: Logger;
  now?: () => number;
  /** The hall's queue: services, number ranges, windows, day rules (hall-config/queue.json). */
  queue: HallQueue;
  /** Certificates and lookups: the catalogue (hall-config/citizen-services.json) and the back ends' adapters. */
  citizen: { catalog: CitizenCatalog; backends: CitizenBackends };
  /** Appointment slots and check-in rules (hall-config/appointments.json). */
  appointments: AppointmentsConfig;
  /** The convenience forms' choices (hall-config/convenience-forms.json). */
  convenience: ConvenienceConfig;
  /** The folder of the hall's key files (0600): the certificate signing key and the key sealing terminal secrets. */
  keyDir: string;
  /** Serve HTTPS with this certificate and key (PEM); plain HTTP without. */
  tls?: { cert: string; key: string };
  /** The hall as citizens' phones reach it (a certificate's verification link); default: the address it listens on. */
  publicUrl?: string;
  /** Days after which personal data of finished appointments, requests and events is removed (default 180). */
  retentionDays?: number;
  /** Alert webhooks, backlog threshold, beats missed before offline (hall-config/alerts.json); default: no webhooks. */
  alerts?: AlertsConfig;
  /** How often the hall looks for terminals that missed their beats (default 1 s). */
  healthSweepMs?: number;
  /** Where SMS reminders go (a provider's implementation); the demo gateway only logs them. */
  smsGateway?: SmsGateway;
}

/** An outbox event's effect at the hall, its payload checked against `schema` first. */
function effectOf<S extends z.ZodType>(
  schema: S,
  apply: (tx: Queryable, terminalId: string, payload: z.output<S>) => Promise<void>,
): EventEffect {
  return async (tx, terminalId, payload) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success)
      throw new EventRefusal(
        issuesFromZod(parsed.error)
          .map((issue) => `payload.${issue.path}: ${issue.message}`)
          .join('; '),
      );
    try {
      await apply(tx, terminalId, parsed.data);
    } catch (error) {
      if (error instanceof QueueRefusal) throw new EventRefusal(error.message);
      throw error;
    }
  };
}

/** Guessing enrollment codes: this many tries a minute from one address, then 429. */
export const enrollAttemptsPerMinute = 10;

/**
 * The hall server's HTTP API. Each route declares who may call it (see
 * hallRoute.ts): the public, logged-in staff, or terminals of the roles it
 * names, their requests signed. Anyone else gets 401 or 403 and nothing is
 * written; a request that matches no route gets 404.
 */
export async function createHallServer(options: HallServerOptions) {
  const now = options.now ?? Date.now;
  const keyFiles = hallKeyFiles(options.keyDir);
  const secrets = await SecretBox.load(keyFiles.terminalSecrets);
  await secrets.sealClearSecrets(options.db);
  const registry = new TerminalRegistry(options.db, undefined, secrets);
  const changes = new ChangeLog(options.db);
  let live: LiveHub | null = null;
  let reminders: TurnReminders | null = null;
  const queue = new QueueContext(
    options.db,
    options.queue,
    changes,
    () => new Date(now()),
    () => {
      live?.poke();
      reminders?.nudge();
    },
  );
  const cases = new RatingCases(options.db, { timeZone: options.queue.timeZone, stepWorkingDays: 5, now: () => new Date(now()) });
  const issuer = new TicketIssuer(queue, options.logger, (tx, ticket, rating) => cases.onRating(tx, ticket, rating));
  reminders = new TurnReminders(queue, issuer, options.smsGateway ?? new LoggingSmsGateway(options.logger), options.logger);
  const desk = new CounterDesk(queue);
  const defaultServiceIds = await readServiceIds();
  const slots = new TerminalSlots(
    options.db,
    changes,
    registry,
    async (within) => {
      const published = await changes.currentKeys('catalogue', within);
      return published.length > 0 ? published : defaultServiceIds;
    },
    () => new Date(now()),
  );
  const intake = new EventIntake(options.db, () => new Date(now()), {
    'queue.ticket-issued': effectOf(offlineTicketEventSchema, (tx, terminalId, event) => issuer.acceptOffline(tx, terminalId, event)),
    'queue.ticket-rated': effectOf(ratingSchema, (tx, _terminalId, rating) => issuer.rate(tx, rating)),
    // Stored like every event; the warning is what an operator's log watch sees.
    'setup.locked-out': effectOf(setupLockedOutEventSchema, async (_tx, terminalId, lockout) => {
      options.logger.warn(
        { terminalId, failures: lockout.failures, lockouts: lockout.lockouts, lockedUntil: lockout.lockedUntil },
        'a terminal locked its setup mode after wrong PINs',
      );
    }),
    'config.applied': effectOf(outboxEventPayloads['config.applied'], (tx, terminalId, applied) =>
      slots.applied(tx, terminalId, applied.configVersion, new Date(now()).toISOString()),
    ),
    'terminal.incident': effectOf(terminalIncidentSchema, async (_tx, terminalId, incident) => {
      options.logger.warn({ terminalId, ...incident }, 'a terminal restarted its host or screen');
    }),
  });
  await queue.publishSetup();
  const accessParts = { registry, replays: await ReplayGuard.over(options.db), staff: new StaffAccounts(options.db), now };
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
    // Typed as the plain HTTP server: the routes use nothing that differs between the two.
    ...(options.tls ? { https: options.tls } : {}),
  });
  guardAccess(app, accessParts);
  const openApi = describeRoutes(app);
  await app.register(fastifyCookie);
  // Per address: enough for a hall's terminals behind one NAT, not for a flood.
  await app.register(fastifyRateLimit, { max: 6000, timeWindow: '1 minute' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  live = new LiveHub(options.db, changes, options.logger, options.livePollMs);
  await live.start();
  app.addHook('onClose', async () => live?.stop());
  const careCommands = new CareCommands(options.db, () => new Date(now()));
  const care = new CareHub(careCommands, options.logger, options.livePollMs);
  care.start();
  app.addHook('onClose', async () => care.stop());
  app.addHook('onClose', () => accessParts.replays.close());
  app.decorateRequest('rawBody', '');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('the body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    if (error.statusCode && error.statusCode < 500)
      return refuse(reply, error.statusCode, error.statusCode === 429 ? 'too_many_requests' : 'bad_request', error.message);
    options.logger.error({ err: error }, 'hall request failed');
    return refuse(reply, 500, 'internal', 'the hall server failed');
  });

  hallRoute(app, {
    method: 'POST',
    url: hallPaths.enroll,
    access: 'public',
    summary: 'Trade a one-time enrollment code for the terminal secret (and the role the code names)',
    body: enrollRequestSchema,
    response: enrollResponseSchema,
    rateLimit: { max: enrollAttemptsPerMinute, timeWindow: '1 minute' },
    handler: async ({ body, reply }) => {
      try {
        return await registry.enroll(body.code);
      } catch (error) {
        if (error instanceof EnrollmentError) return refuse(reply, 401, 'unauthorized', error.message);
        throw error;
      }
    },
  });

  hallRoute(app, {
    method: 'GET',
    url: '/docs',
    access: 'public',
    summary: 'This description of the API (OpenAPI 3.1)',
    handler: () => openApi(),
  });

  const everyRole = { roles: ['kiosk', 'counter', 'display'] } as const;
  hallRoute(app, {
    method: 'GET',
    url: hallPaths.ping,
    access: everyRole,
    summary: 'Check that the hall server answers this terminal',
    response: pingResponseSchema,
    handler: ({ caller }) => ({ terminalId: caller.terminalId, hallTime: new Date(now()).toISOString() }),
  });

  hallRoute(app, {
    method: 'GET',
    url: syncPaths.changes,
    access: everyRole,
    summary: "Pull a page of the hall's changes of one scope after a cursor",
    query: pullQuerySchema,
    response: pullResponseSchema,
    handler: async ({ query, caller }) => pageFor(caller.terminalId, await changes.changesSince(query.scope, query.after, query.limit)),
  });

  hallSocket(app, {
    url: syncPaths.live,
    access: everyRole,
    summary: 'The live channel: the hall names each scope that changed',
    handler: (socket, caller) => {
      live!.add(socket);
      care.attach(caller.terminalId, socket);
      // Terminals only listen here; what they send is ignored.
      socket.on('message', () => undefined);
    },
  });

  hallRoute(app, {
    method: 'POST',
    url: syncPaths.push,
    access: everyRole,
    summary: "Push a batch of the terminal's outbox events",
    body: pushRequestSchema,
    response: pushResponseSchema,
    handler: ({ body, caller }) => intake.accept(caller.terminalId, body.events),
  });

  const key = await SigningKey.load(options.db, keyFiles.signing);
  registerCitizenRoutes(app, {
    ...options.citizen,
    key,
    publicUrl: () => options.publicUrl ?? listenUrlOf(app.server, options.tls !== undefined),
    issuer: new CertificateIssuer(options.db, options.citizen.catalog, options.citizen.backends, key, () => new Date(now())),
  });
  registerRequestRoutes(app, new RequestDesk(queue, options.convenience));
  registerHelpRoutes(
    app,
    new HelpDesk(
      options.db,
      changes,
      () => new Date(now()),
      () => live?.poke(),
    ),
  );
  const appointmentBook = new AppointmentBook(queue, issuer, options.appointments);
  registerAppointmentRoutes(app, appointmentBook);
  const noShowSweep = setInterval(
    () => void appointmentBook.recordNoShows().catch((error: unknown) => options.logger.warn({ err: error }, 'could not record no-shows')),
    60_000,
  );
  app.addHook('onClose', async () => clearInterval(noShowSweep));
  const sweep = () => sweepPersonalData(options.db, new Date(now()), options.retentionDays ?? defaultRetentionDays);
  await sweep();
  const retentionSweep = setInterval(
    () => void sweep().catch((error: unknown) => options.logger.warn({ err: error }, 'could not remove expired personal data')),
    3600_000,
  );
  app.addHook('onClose', async () => clearInterval(retentionSweep));
  app.addHook('onClose', () => reminders.settled());
  await registerQueueRoutes(app, { queue, issuer, desk, reminders });
  registerEvaluationRoutes(app, { queue, config: options.queue, issuer, cases });
  registerStatisticsRoutes(app, { queue, config: options.queue });
  registerStaffRoutes(app, accessParts.staff);
  await startHealth(app, { db: options.db, logger: options.logger, now, alerts: options.alerts, sweepMs: options.healthSweepMs });
  registerTerminalSlotRoutes(app, slots, {
    url: () => options.publicUrl ?? listenUrlOf(app.server, options.tls !== undefined),
    fingerprint: options.tls ? fingerprintOf(options.tls.cert) : null,
  });
  registerCareRoutes(app, { commands: careCommands, hub: care, registry });
  return app;
}
