import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { enrollWithHall, type TerminalIdentity } from '../../main/sync/hallClient.js';
import { createHallServer } from '../../upstream/http/createHallServer.js';
import { TerminalRegistry } from '../../upstream/identity/terminalRegistry.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { EventIntake } from '../../upstream/sync/eventIntake.js';
import type { Database } from '../../lib/sqlite/database.js';
import { recordingLogger } from './silentLogger.js';

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

/** A real hall server (SQLite file, fastify on 127.0.0.1) for integration tests. */
export async function startLoopbackHall(): Promise<LoopbackHall> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-hall-'));
  const db = await openHallDatabase(path.join(dir, 'hall.db'));
  const registry = new TerminalRegistry(db);
  let port = 0;
  let server: Awaited<ReturnType<typeof createHallServer>> | null = null;
  const start = async () => {
    server = await createHallServer({ registry, intake: new EventIntake(db), logger: recordingLogger().logger });
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
      await rm(dir, { recursive: true, force: true });
    },
  };
  return hall;
}
