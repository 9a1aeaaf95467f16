import { TerminalRegistry, openHallDatabase, StaffAccounts, loadBackends, staffRoleSchema } from '../../upstream/entry/index.js';
import { createHallServer } from '../../upstream/entry/server.js';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { enrollWithHall, type TerminalIdentity } from '../sync/hallClient.js';
import type { TerminalBinding } from '../contract/hallProtocol.js';
import type { Logger } from '../../lib/logger.js';
import { readHallQueue } from '../../hall-config/readHallQueue.js';
import { readCitizenCatalog } from '../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../hall-config/readAppointments.js';
import { readConvenience } from '../../hall-config/readConvenience.js';

/**
 * A hall server in this process, for terminals whose upstream is "embedded"
 * (the demo): its own SQLite file in the data folder, on a loopback port.
 * Terminals enroll with it as they would with a real one, over HTTP. Its
 * dashboard has a demo staff account with a fixed, printed password: it is a
 * demo, listening on loopback only.
 */
/** The embedded (demo) hall's staff login: printed by `onewindow demo`, never used by a real hall. */
export const demoStaff = { username: 'demo', password: 'demo-only-2468' } as const;

export class EmbeddedHall {
  private constructor(
    readonly url: string,
    /** The supervisor's dashboard of this hall (log in with demoStaff). */
    readonly dashboardUrl: string,
    private readonly registry: TerminalRegistry,
    private readonly shutdown: () => Promise<void>,
  ) {}

  static async start(dataDir: string, logger: Logger): Promise<EmbeddedHall> {
    const db = await openHallDatabase(path.join(dataDir, 'embedded-hall.db'));
    // The demo's one account sees everything: the terminals' care and the figures.
    await new StaffAccounts(db).add(demoStaff.username, staffRoleSchema.options, demoStaff.password);
    // The embedded hall is the demo's: its back ends are the fictional ones.
    const citizen = { catalog: await readCitizenCatalog(), backends: (await loadBackends('demo')).backends };
    const server = await createHallServer({
      db,
      logger,
      queue: await readHallQueue(),
      citizen,
      appointments: await readAppointments(),
      convenience: await readConvenience(),
      keyDir: dataDir,
    });
    // Plain HTTP is enough here: the demo hall listens on loopback only, for terminals in the same process.
    await server.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    return new EmbeddedHall(url, `${url}/dashboard`, new TerminalRegistry(db), async () => {
      await server.close();
      await db.close();
    });
  }

  /** Enrolls a terminal in its role with a fresh one-time code, as a technician would. */
  async enroll(terminalId: string, binding: TerminalBinding): Promise<TerminalIdentity> {
    return enrollWithHall(this.url, await this.registry.issueCode(terminalId, binding, 60_000));
  }

  close(): Promise<void> {
    return this.shutdown();
  }
}
