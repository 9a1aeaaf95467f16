import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TerminalIdentity } from '../../main/sync/hallClient.js';
import { createHallServer } from '../../upstream/http/createHallServer.js';
import { TerminalRegistry } from '../../upstream/identity/terminalRegistry.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import type { Database } from '../../lib/sqlite/database.js';
import { recordingLogger } from './silentLogger.js';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import type { HallQueue } from '../../main/contract/hallQueue.js';
import type { BackendId } from '../../main/contract/citizenServices.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../hall-config/readAppointments.js';
import { readConvenience } from '../../hall-config/readConvenience.js';
import type { AppointmentsConfig } from '../../main/contract/appointments.js';
import type { CitizenCatalog } from '../../main/contract/citizenCatalog.js';
import type { ConvenienceConfig } from '../../main/contract/convenience.js';
import { DemoBackends } from '../../upstream/citizen/demoBackends.js';
import { StaffAccounts } from '../../upstream/identity/staffAccounts.js';
import { staffRoleSchema } from '../../upstream/identity/staffRoles.js';
import { fingerprintOf } from '../../upstream/http/hallCertificate.js';
import { SecretBox } from '../../upstream/identity/secretBox.js';
import { hallKeyFiles } from '../../upstream/storage/hallKeyFiles.js';
import type { TerminalBinding } from '../../main/contract/hallProtocol.js';
import type { RegisteredRoute } from '../../upstream/http/hallRoute.js';
import type { AlertsSettings } from '../../main/contract/health.js';
import type { SmsGateway } from '../../upstream/queue/smsGateway.js';

/** A staff account every loopback hall has, for tests that open the dashboard. */
export const testStaff = { username: 'test-staff', password: 'test-staff-password' } as const;

export interface LoopbackHall {
  url: string;
  db: Database;
  /** The folder of its SQLite file (when SQLite) and its key files. */
  dir: string;
  registry: TerminalRegistry;
  /** Where its database is (the SQLite file or the PostgreSQL URL), for a connection of a test's own: another process's writes. */
  location: string;
  /** Enrolls a terminal in its role with a one-time code. */
  enroll(terminalId: string, binding: TerminalBinding): Promise<TerminalIdentity>;
  /** A second hall server on the same database, through its own connection: another hall process. */
  another(): Promise<{ url: string; close(): Promise<void> }>;
  /** Every route the running server registered (fastify's onRoute), with its declared access. */
  routes(): readonly RegisteredRoute[];
  /** Logs testStaff in: the Cookie header of the session. */
  staffCookie(): Promise<string>;
  /** Stops serving; the database stays, so start() serves the same hall again on the same port. */
  stopServing(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export type HallBackend = 'sqlite' | 'postgres';

/**
 * The storage backends the hall tests run against: SQLite always, PostgreSQL
 * when ONEWINDOW_TEST_POSTGRES_URL names a server (`.ci/run` starts one; in CI
 * its absence is an error, not a silent skip).
 */
export function hallBackends(): HallBackend[] {
  if (process.env.ONEWINDOW_TEST_POSTGRES_URL) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('CI runs the hall tests on PostgreSQL too: set ONEWINDOW_TEST_POSTGRES_URL (see .ci/run)');
  return ['sqlite'];
}

/** A fresh database for one hall: a file, or a new PostgreSQL database dropped afterwards. */
export async function freshHallStore(backend: HallBackend, dir: string): Promise<{ location: string; drop: () => Promise<void> }> {
  if (backend === 'sqlite') return { location: path.join(dir, 'hall.db'), drop: async () => undefined };
  const adminUrl = process.env.ONEWINDOW_TEST_POSTGRES_URL!;
  const name = `ow_test_${path
    .basename(dir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A real hall server (SQLite file or PostgreSQL database, fastify on 127.0.0.1) for integration tests. */
export interface LoopbackHallOptions {
  queue?: HallQueue;
  /** Slows the demo back ends down (ms per back end), to see what a citizen sees when one does not answer. */
  backendDelays?: Partial<Record<BackendId, number>>;
  /** The hall's hall-config files, when not the shipped ones; read at each start, so a test can edit them between starts. */
  catalog?: CitizenCatalog;
  appointments?: AppointmentsConfig;
  convenience?: ConvenienceConfig;
  /** Serve HTTPS with this certificate (PEM); the hall's url is then https://127.0.0.1:PORT. */
  tls?: { cert: string; key: string };
  publicUrl?: string;
  /** The hall's clock (read at each use, so a test can move it) and its retention of personal data. */
  now?: () => number;
  retentionDays?: number;
  /** Alert webhooks and thresholds; how often it looks for terminals that missed their beats. */
  alerts?: AlertsSettings;
  healthSweepMs?: number;
  smsGateway?: SmsGateway;
  /** How often the live channel looks at the change log for writes it was not told of (default 50 ms). */
  livePollMs?: number;
  /** How often the hall reports to its district centre, once linked (default 30 s). */
  centreReportMs?: number;
  /** How often the hall rolls up closed days' figures (default hourly and at start); null: never by itself. */
  historyRollMs?: number | null;
}

export async function startLoopbackHall(backend: HallBackend = 'sqlite', options: LoopbackHallOptions = {}): Promise<LoopbackHall> {
  const backends = new DemoBackends(options.backendDelays);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-hall-'));
  const store = await freshHallStore(backend, dir);
  const db = await openHallDatabase(store.location);
  const registry = new TerminalRegistry(db, undefined, await SecretBox.load(hallKeyFiles(dir).terminalSecrets));
  let port = 0;
  let server: Awaited<ReturnType<typeof createHallServer>> | null = null;
  const serve = async (on: Database) =>
    createHallServer({
      db: on,
      logger: recordingLogger().logger,
      livePollMs: options.livePollMs ?? 50,
      queue: options.queue ?? (await readHallQueue()),
      citizen: { catalog: options.catalog ?? (await readCitizenCatalog()), backends },
      appointments: options.appointments ?? (await readAppointments()),
      convenience: options.convenience ?? (await readConvenience()),
      keyDir: dir,
      tls: options.tls,
      publicUrl: options.publicUrl,
      now: options.now,
      retentionDays: options.retentionDays,
      alerts: options.alerts,
      healthSweepMs: options.healthSweepMs,
      centreReportMs: options.centreReportMs,
      historyRollMs: options.historyRollMs,
      smsGateway: options.smsGateway,
    });
  const start = async () => {
    server = await serve(db);
    await server.listen({ host: '127.0.0.1', port });
    port = (server.server.address() as AddressInfo).port;
  };
  await new StaffAccounts(db).add(testStaff.username, staffRoleSchema.options, testStaff.password);
  await start();
  const hall: LoopbackHall = {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    db,
    dir,
    registry,
    location: store.location,
    // In process, as "hall enroll-code" then "enroll" would: tests enroll dozens of terminals from one
    // address, more than the enrollment route's rate limit lets through (identity.test.ts covers the HTTP exchange).
    enroll: async (terminalId, binding) => {
      const { secret } = await registry.enroll(await registry.issueCode(terminalId, binding));
      return { hallUrl: hall.url, terminalId, secret, ...(options.tls ? { fingerprint: fingerprintOf(options.tls.cert) } : {}) };
    },
    routes: () => server!.hallRoutes,
    another: async () => {
      const ownDb = await openHallDatabase(store.location);
      const other = await serve(ownDb);
      await other.listen({ host: '127.0.0.1', port: 0 });
      return {
        url: `http://127.0.0.1:${(other.server.address() as AddressInfo).port}`,
        close: async () => {
          await other.close();
          await ownDb.close();
        },
      };
    },
    staffCookie: async () => {
      const response = await fetch(`${hall.url}/login`, { method: 'POST', body: new URLSearchParams(testStaff), redirect: 'manual' });
      const cookie = response.headers.get('set-cookie');
      if (response.status !== 303 || !cookie) throw new Error(`staff login failed: ${response.status}`);
      return cookie.split(';')[0]!;
    },
    stopServing: async () => {
      await server?.close();
      server = null;
    },
    start,
    close: async () => {
      await server?.close();
      await db.close();
      await store.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return hall;
}
