import Fastify, { LogController } from 'fastify';
import type { Logger } from 'pino';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import { ChangeLog } from '../sync/changeLog.js';
import type { Database } from '../../lib/sqlite/database.js';
import { EventIntake } from '../sync/eventIntake.js';
import { hallEventEffects } from '../sync/eventEffects.js';
import { registerTerminalRoutes } from '../sync/terminalRoutes.js';
import { TerminalRegistry } from '../identity/terminalRegistry.js';
import { hallRoute } from './hallRoute.js';
import { LiveHub } from '../sync/liveHub.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import { CounterDesk } from '../queue/counterDesk.js';
import { QueueContext } from '../queue/queueContext.js';
import { registerQueueRoutes } from '../queue/queueRoutes.js';
import { registerEvaluationRoutes } from '../evaluation/evaluationRoutes.js';
import { RatingCases } from '../evaluation/ratingCases.js';
import { registerStatisticsRoutes } from '../statistics/statisticsRoutes.js';
import { TicketIssuer } from '../queue/ticketIssuer.js';
import { LoggingSmsGateway, type SmsGateway } from '../queue/smsGateway.js';
import { TurnReminders } from '../queue/turnReminders.js';
import { serverBasics } from './serverBasics.js';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import { CertificateIssuer } from '../citizen/certificateIssuer.js';
import { publishHallServices } from '../sync/publishHallServices.js';
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
import { ReplayGuard } from '../identity/replayGuard.js';
import { StaffAccounts } from '../identity/staffAccounts.js';
import { guardAccess } from './accessGuard.js';
import { registerStaffRoutes } from './staffRoutes.js';
import { SecretBox } from '../identity/secretBox.js';
import { hallKeyFiles } from '../storage/hallKeyFiles.js';
import { keepWalSmall } from '../storage/walUpkeep.js';
import { isPostgres } from '../../lib/postgres/postgresDatabase.js';
import { listenUrlOf } from './listenUrl.js';
import { defaultRetentionDays, sweepPersonalData } from '../privacy/retentionSweep.js';
import { startHealth } from '../health/startHealth.js';
import type { AlertsSettings } from '../../main/contract/health.js';
import { TerminalSlots } from '../terminals/terminalSlots.js';
import { registerTerminalSlotRoutes } from '../terminals/terminalSlotRoutes.js';
import { SlotReplacement } from '../terminals/slotReplacement.js';
import { readServiceIds } from '../../hall-config/readServiceIds.js';
import { fingerprintOf } from './hallCertificate.js';
import { CareCommands } from '../remoteCare/careCommands.js';
import { CareHub } from '../remoteCare/careHub.js';
import { registerCareRoutes } from '../remoteCare/careRoutes.js';
import { CentreUplink } from '../centreLink/centreUplink.js';
import { startHistoryRoll } from '../statistics/historyRoll.js';
import { requestsPerAddressPerMinute } from './addressRateLimit.js';

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
  alerts?: AlertsSettings;
  /** How often the hall looks for terminals that missed their beats (default 1 s). */
  healthSweepMs?: number;
  /** Where SMS reminders go (a provider's implementation); the demo gateway only logs them. */
  smsGateway?: SmsGateway;
  /** How often the hall reports to its district centre, once linked (`onewindow hall link-centre`; default 30 s). */
  centreReportMs?: number;
  /** How often the hall rolls up the figures of closed days (default hourly, and at start); null: only when a range asks. */
  historyRollMs?: number | null;
}

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
    (recorded) => {
      live?.committed(recorded);
      reminders?.nudge();
    },
  );
  const cases = new RatingCases(options.db, {
    timeZone: options.queue.timeZone,
    calendar: options.queue.calendar,
    stepWorkingDays: 5,
    now: () => new Date(now()),
  });
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
  const intake = new EventIntake(
    options.db,
    () => new Date(now()),
    hallEventEffects({ issuer, slots, logger: options.logger, now: () => new Date(now()) }),
  );
  await queue.publishSetup();
  await publishHallServices(changes, {
    'citizen-services': options.citizen.catalog,
    appointments: options.appointments,
    'convenience-forms': options.convenience,
  });
  const replacement = new SlotReplacement(options.db, registry, () => new Date(now()));
  const accessParts = {
    registry,
    replays: await ReplayGuard.over(options.db),
    staff: new StaffAccounts(options.db),
    replacedAt: async (terminalId: string, signedWith: (secret: string) => boolean) => {
      for (const old of await replacement.oldSecrets(terminalId))
        if (signedWith(secrets.open(terminalId, old.sealed))) return old.replacedAt;
      return null;
    },
    now,
  };
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
  await app.register(fastifyRateLimit, { max: requestsPerAddressPerMinute, timeWindow: '1 minute' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  const hub = new LiveHub(options.db, changes, options.logger, options.livePollMs);
  live = hub;
  await hub.start();
  app.addHook('onClose', async () => hub.stop());
  const careCommands = new CareCommands(options.db, () => new Date(now()));
  const care = new CareHub(careCommands, options.logger, options.livePollMs);
  care.start();
  app.addHook('onClose', async () => care.stop());
  app.addHook('onClose', () => accessParts.replays.close());
  serverBasics(app, options.logger, 'hall server');

  hallRoute(app, {
    method: 'GET',
    url: '/docs',
    access: 'public',
    summary: 'This description of the API (OpenAPI 3.1)',
    handler: () => openApi(),
  });
  registerTerminalRoutes(app, { registry, changes, intake, live: hub, care, now });

  const publicUrl = () => options.publicUrl ?? listenUrlOf(app.server, options.tls !== undefined);
  const key = await SigningKey.load(options.db, keyFiles.signing);
  registerCitizenRoutes(app, {
    ...options.citizen,
    key,
    publicUrl,
    issuer: new CertificateIssuer(
      options.db,
      options.citizen.catalog,
      options.citizen.backends,
      key,
      options.queue.timeZone,
      () => new Date(now()),
    ),
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
  if (!isPostgres(options.db)) app.addHook('onClose', keepWalSmall(options.db, options.logger));
  app.addHook('onClose', () => reminders.settled());
  await registerQueueRoutes(app, { queue, issuer, desk, reminders });
  registerEvaluationRoutes(app, { queue, config: options.queue, issuer, cases });
  registerStatisticsRoutes(app, { queue, config: options.queue });
  if (options.historyRollMs !== null) {
    const stopHistoryRoll = startHistoryRoll({
      db: options.db,
      queue: options.queue,
      now: () => new Date(now()),
      logger: options.logger,
      everyMs: options.historyRollMs,
    });
    app.addHook('onClose', () => stopHistoryRoll());
  }
  registerStaffRoutes(app, accessParts.staff);
  await startHealth(app, { db: options.db, logger: options.logger, now, alerts: options.alerts, sweepMs: options.healthSweepMs });
  registerTerminalSlotRoutes(app, slots, replacement, {
    url: publicUrl,
    fingerprint: options.tls ? fingerprintOf(options.tls.cert) : null,
  });
  registerCareRoutes(app, { commands: careCommands, hub: care, registry });
  const uplink = new CentreUplink({
    db: options.db,
    queue: options.queue,
    secrets,
    logger: options.logger,
    now: () => new Date(now()),
    everyMs: options.centreReportMs,
  });
  uplink.start();
  app.addHook('onClose', () => uplink.stop());
  return app;
}
