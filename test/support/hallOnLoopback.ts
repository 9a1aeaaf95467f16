import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { enrollWithHall, type TerminalIdentity } from '../../main/sync/hallClient.js';
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
import { DemoBackends } from '../../upstream/citizen/demoBackends.js';

export interface LoopbackHall {
  url: string;
  db: Database;
  registry: TerminalRegistry;
  enroll(terminalId: string): Promise<TerminalIdentity>;
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
async function freshHallStore(backend: HallBackend, dir: string): Promise<{ location: string; drop: () => Promise<void> }> {
  if (backend === 'sqlite') return { location: path.join(dir, 'hall.db'), drop: async () => undefined };
  const adminUrl = process.env.ONEWINDOW_TEST_POSTGRES_URL!;
  const name = `ow_test_${path.basename(dir).replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
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
  appointments?: AppointmentsConfig;
}

export async function startLoopbackHall(backend: HallBackend = 'sqlite', options: LoopbackHallOptions = {}): Promise<LoopbackHall> {
  const citizen = { catalog: await readCitizenCatalog(), backends: new DemoBackends(options.backendDelays) };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-hall-'));
  const store = await freshHallStore(backend, dir);
  const db = await openHallDatabase(store.location);
  const registry = new TerminalRegistry(db);
  let port = 0;
  let server: Awaited<ReturnType<typeof createHallServer>> | null = null;
  const start = async () => {
    server = await createHallServer({ db, logger: recordingLogger().logger, livePollMs: 50, queue: options.queue ?? (await readHallQueue()), citizen, appointments: options.appointments ?? (await readAppointments()), convenience: await readConvenience(), dashboardKey: 'test-dashboard-key' });
    await server.listen({ host: '127.0.0.1', port });
    port = (server.server.address() as AddressInfo).port;
  };
  await start();
  const hall: LoopbackHall = {
    url: `http://127.0.0.1:${port}`,
    db,
    registry,
    enroll: async (terminalId) => enrollWithHall(hall.url, await registry.issueCode(terminalId)),
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
