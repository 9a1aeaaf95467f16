import Fastify, { LogController } from 'fastify';
import type { Logger } from 'pino';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Database } from '../../lib/sqlite/database.js';
import { describeRoutes } from '../http/openApi.js';
import { hallRoute } from '../http/hallRoute.js';
import { serverBasics } from '../http/serverBasics.js';
import { registerFontRoute } from '../http/fontRoute.js';
import { registerStaffRoutes } from '../http/staffRoutes.js';
import { SecretBox } from '../identity/secretBox.js';
import { StaffAccounts } from '../identity/staffAccounts.js';
import { guardCentreAccess } from './centreAccess.js';
import { CentreHalls, centreKeyFile } from './centreHalls.js';
import { registerCentreRoutes } from './centreRoutes.js';

export interface CentreServerOptions {
  db: Database;
  logger: Logger;
  /** The folder of the centre's key file (0600), which seals the halls' secrets in its database. */
  keyDir: string;
  /** The district's time zone: what "today" is on the pages (default Asia/Shanghai). */
  timeZone?: string;
  now?: () => number;
}

/**
 * The district command centre's HTTP API: halls enrol and report to it,
 * signed as terminals are with their hall; its staff read every hall side by
 * side; anyone reads the current waits. Access is decided on the route that
 * matched, as at a hall (hallRoute).
 */
export async function createCentreServer(options: CentreServerOptions) {
  const now = options.now ?? Date.now;
  const halls = new CentreHalls(options.db, await SecretBox.load(centreKeyFile(options.keyDir)), () => new Date(now()));
  const staff = new StaffAccounts(options.db, () => new Date(now()));
  const app = Fastify({
    loggerInstance: options.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 8 * 1024 * 1024,
    forceCloseConnections: true,
  });
  guardCentreAccess(app, { db: options.db, halls, staff, now });
  const openApi = describeRoutes(app, 'OneWindow district command centre');
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { max: 6000, timeWindow: '1 minute' });
  serverBasics(app, options.logger, 'centre');
  hallRoute(app, {
    method: 'GET',
    url: '/docs',
    access: 'public',
    summary: 'This description of the API (OpenAPI 3.1)',
    handler: () => openApi(),
  });
  hallRoute(app, {
    method: 'GET',
    url: '/',
    access: 'public',
    summary: 'The start page: the public waits',
    handler: ({ reply }) => reply.redirect('/wait', 302),
  });
  await registerFontRoute(app);
  registerStaffRoutes(app, staff);
  registerCentreRoutes(app, { db: options.db, halls, timeZone: options.timeZone ?? 'Asia/Shanghai', now: () => new Date(now()) });
  return app;
}
