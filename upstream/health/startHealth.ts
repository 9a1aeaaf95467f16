import type { Logger } from 'pino';
import type { Database } from '../../lib/sqlite/database.js';
import { alertsConfigSchema, type AlertsSettings } from '../../main/contract/health.js';
import type { HallApp } from '../http/hallRoute.js';
import { AlertSender } from './alertSender.js';
import { HealthDesk } from './healthDesk.js';
import { OperationsFeed, registerHealthRoutes } from './healthRoutes.js';

export interface HealthOptions {
  db: Database;
  logger: Logger;
  now: () => number;
  alerts?: AlertsSettings | undefined;
  sweepMs?: number | undefined;
}

/** The hall's health slice: heartbeat intake, the offline sweep, the alert webhooks and the operations view. */
export async function startHealth(app: HallApp, options: HealthOptions): Promise<HealthDesk> {
  const config = alertsConfigSchema.parse(options.alerts ?? { webhooks: [] });
  const feed = new OperationsFeed();
  const sender = new AlertSender({ db: options.db, logger: options.logger, now: options.now });
  const desk = new HealthDesk(
    options.db,
    config,
    () => new Date(options.now()),
    (alerted) => {
      feed.changed();
      if (alerted) sender.poke();
    },
  );
  await desk.graceAfterStart();
  registerHealthRoutes(app, { db: options.db, desk, feed, now: () => new Date(options.now()) });
  const sweep = setInterval(
    () => void desk.sweep().catch((error: unknown) => options.logger.warn({ err: error }, 'could not look for offline terminals')),
    options.sweepMs ?? 1000,
  );
  sender.start();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    feed.close();
    await sender.stop();
  });
  return desk;
}
