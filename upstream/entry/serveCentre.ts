import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lib/logger.js';
import type { Database } from '../../lib/sqlite/database.js';
import { untilStopSignal } from '../../lib/stopSignal.js';
import type { CentreServerOptions } from '../centre/createCentreServer.js';

type ServeOptions = Omit<CentreServerOptions, 'db' | 'logger'> & { port: number; host: string };

/** `onewindow centre` without a subcommand: serves the district command centre until SIGINT/SIGTERM. */
export async function serveCentre(db: Database, logger: Logger, { port, host, ...options }: ServeOptions): Promise<number> {
  const { createCentreServer } = await import('../centre/createCentreServer.js');
  const server = await createCentreServer({ db, logger, ...options });
  await server.listen({ host, port });
  const base = `http://${host}:${(server.server.address() as AddressInfo).port}`;
  console.log(
    [
      `OneWindow district command centre at ${base}/`,
      `command centre: ${base}/dashboard (staff log in; add an account with "onewindow centre staff add")`,
      `public waits: ${base}/wait`,
    ].join('\n'),
  );
  const signal = await untilStopSignal();
  await server.close();
  console.log(`stopped (${signal})`);
  return 0;
}
