import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../lib/sqlite/database.js';
import { CentreHalls, centreKeyFile } from '../../upstream/centre/centreHalls.js';
import { createCentreServer } from '../../upstream/centre/createCentreServer.js';
import { openCentreDatabase } from '../../upstream/centre/openCentreDatabase.js';
import { linkCentre } from '../../upstream/centreLink/centreLink.js';
import type { RegisteredRoute } from '../../upstream/http/hallRoute.js';
import { SecretBox } from '../../upstream/identity/secretBox.js';
import { StaffAccounts } from '../../upstream/identity/staffAccounts.js';
import { hallKeyFiles } from '../../upstream/storage/hallKeyFiles.js';
import { freshHallStore, type HallBackend, type LoopbackHall } from './hallOnLoopback.js';
import { recordingLogger } from './silentLogger.js';

export interface LoopbackCentre {
  url: string;
  db: Database;
  halls: CentreHalls;
  routes(): readonly RegisteredRoute[];
  /** Links a loopback hall to this centre as `hallId`, as `onewindow hall link-centre` does. */
  link(hall: LoopbackHall, hallId: string, name: string): Promise<void>;
  /** A supervisor of the centre logged in: the Cookie header of the session. */
  staffCookie(): Promise<string>;
  close(): Promise<void>;
}

/** A real district centre (PostgreSQL or a SQLite file, fastify on 127.0.0.1) for integration tests. */
export async function startLoopbackCentre(backend: HallBackend): Promise<LoopbackCentre> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-centre-'));
  const store = await freshHallStore(backend, dir);
  const db = await openCentreDatabase(backend === 'sqlite' ? path.join(dir, 'centre.db') : store.location);
  const server = await createCentreServer({ db, logger: recordingLogger().logger, keyDir: dir });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const halls = new CentreHalls(db, await SecretBox.load(centreKeyFile(dir)));
  return {
    url,
    db,
    halls,
    routes: () => server.hallRoutes,
    async link(hall, hallId, name) {
      const secrets = await SecretBox.load(hallKeyFiles(hall.dir).terminalSecrets);
      await linkCentre(hall.db, secrets, url, await halls.issueCode(hallId, name), new Date());
    },
    async staffCookie() {
      await new StaffAccounts(db).add('centre-staff', ['supervisor'], 'centre-staff-password');
      const login = await fetch(`${url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'centre-staff', password: 'centre-staff-password' }),
        redirect: 'manual',
      });
      if (login.status !== 303) throw new Error(`centre staff login answered ${login.status}`);
      return login.headers.get('set-cookie')!.split(';')[0]!;
    },
    async close() {
      await server.close();
      await db.close();
      await store.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
