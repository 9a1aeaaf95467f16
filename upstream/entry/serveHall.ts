import type { AddressInfo } from 'node:net';
import type { Logger } from '../../lib/logger.js';
import type { Database } from '../../lib/sqlite/database.js';
import { fingerprintOf, type HallServerOptions } from './index.js';
import { untilStopSignal } from '../../lib/stopSignal.js';

type ServeOptions = Omit<HallServerOptions, 'db' | 'logger'> & { port: number; host: string };

/** `onewindow hall` without a subcommand: serves the hall until SIGINT/SIGTERM. The server's module is loaded only here. */
export async function serveHall(db: Database, logger: Logger, { port, host, ...options }: ServeOptions): Promise<number> {
  const { createHallServer } = await import('./server.js');
  const server = await createHallServer({ db, logger, ...options });
  await server.listen({ host, port });
  const address = server.server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  if (options.tls) console.log(`TLS certificate SHA-256 fingerprint: ${fingerprintOf(options.tls.cert)}`);
  const base = `${scheme}://${host}:${address.port}`;
  // Listened for before the address is printed: whoever reads it may stop the hall at once, and an unheard SIGTERM loses the log's last lines.
  const stopped = untilStopSignal();
  // One write, so whoever reads the first line (a supervisor, a test) has the other addresses too.
  console.log(
    [
      `OneWindow hall server at ${base}/`,
      `dashboard: ${base}/dashboard (staff log in; add an account with "onewindow hall staff add")`,
      `operations: ${base}/operations (terminals, alerts; same staff login)`,
    ].join('\n'),
  );
  const signal = await stopped;
  await server.close();
  console.log(`stopped (${signal})`);
  return 0;
}
