import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHallServer } from '../../upstream/http/createHallServer.js';
import { TerminalRegistry } from '../../upstream/identity/terminalRegistry.js';
import { openHallDatabase } from '../../upstream/storage/openHallDatabase.js';
import { enrollWithHall, type TerminalIdentity } from '../sync/hallClient.js';
import type { Logger } from './logger.js';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../hall-config/readAppointments.js';
import { readConvenience } from '../../hall-config/readConvenience.js';
import { loadBackends } from '../../upstream/citizen/loadBackends.js';

/**
 * A hall server in this process, for terminals whose upstream is "embedded"
 * (the demo): its own SQLite file in the data folder, on a loopback port.
 * Terminals enroll with it as they would with a real one, over HTTP.
 */
export class EmbeddedHall {
  private constructor(
    readonly url: string,
    /** The supervisor's dashboard of this hall, with its key. */
    readonly dashboardUrl: string,
    private readonly registry: TerminalRegistry,
    private readonly shutdown: () => Promise<void>,
  ) {}

  static async start(dataDir: string, logger: Logger): Promise<EmbeddedHall> {
    const db = await openHallDatabase(path.join(dataDir, 'embedded-hall.db'));
    const dashboardKey = randomBytes(12).toString('base64url');
    // The embedded hall is the demo's: its back ends are the fictional ones.
    const citizen = { catalog: await readCitizenCatalog(), backends: (await loadBackends('demo')).backends };
    const server = await createHallServer({ db, logger, queue: await readHallQueue(), citizen, appointments: await readAppointments(), convenience: await readConvenience(), dashboardKey });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    return new EmbeddedHall(url, `${url}/dashboard?key=${dashboardKey}`, new TerminalRegistry(db), async () => {
      await server.close();
      await db.close();
    });
  }

  /** Enrolls a terminal with a fresh one-time code, as a technician would. */
  async enroll(terminalId: string): Promise<TerminalIdentity> {
    return enrollWithHall(this.url, await this.registry.issueCode(terminalId, 60_000));
  }

  close(): Promise<void> {
    return this.shutdown();
  }
}
