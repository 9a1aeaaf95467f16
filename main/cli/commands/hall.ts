import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHallServer, type HallServerOptions } from '../../../upstream/http/createHallServer.js';
import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../../hall-config/readAppointments.js';
import { readConvenience } from '../../../hall-config/readConvenience.js';
import { BackendsConfigError, loadBackends } from '../../../upstream/citizen/loadBackends.js';
import { TerminalRegistry } from '../../../upstream/identity/terminalRegistry.js';
import { ChangeLog } from '../../../upstream/sync/changeLog.js';
import { readCatalogueCategories } from '../../../kiosk-config/catalogueData.js';
import type { Database } from '../../../lib/sqlite/database.js';
import { openHallDatabase } from '../../../upstream/storage/openHallDatabase.js';
import { issuesFromZod } from '../../contract/errors.js';
import { terminalIdSchema } from '../../contract/hallProtocol.js';
import { hallConfigOverridesSchema } from '../../contract/terminal.js';
import type { Logger } from '../../host/logger.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { untilStopSignal } from '../runTerminal.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';
import { randomBytes } from 'node:crypto';
import type { HallQueue } from '../../contract/hallQueue.js';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';

export const hallHelp = `Usage: onewindow hall --db FILE [--port N] [--host ADDR] [--queue FILE] [--dashboard-key KEY] [--citizen-services FILE] [--appointments FILE] [--convenience FILE] [--backends demo|MODULE]
       onewindow hall enroll-code --db FILE --terminal ID
       onewindow hall revoke --db FILE --terminal ID
       onewindow hall catalogue publish --db FILE --dir DIR
       onewindow hall config set --db FILE --terminal ID|'*' --json '{"idleTimeoutSeconds":60}'

Runs the hall server, or manages the terminals it knows.

  --db FILE        the hall's SQLite database (created if missing)
  --port N         port to listen on (default 7400)
  --host ADDR      address to listen on (default 127.0.0.1; 0.0.0.0 for the hall network)
  --queue FILE     the hall's queue: services, number ranges, windows, reset hour
                   (default: the demo hall's, hall-config/queue.json)
  --dashboard-key KEY  the key of the supervisor's dashboard (/dashboard?key=KEY);
                   a random one is made and printed when not given
  --citizen-services FILE  certificates, lookups and back-end timeouts
                   (default: hall-config/citizen-services.json)
  --backends demo|MODULE  the government back ends' adapter: "demo" (the default), the
                   fictional demo adapters, no government system connected; or a module,
                   by path or package name, exporting createBackends() (upstream/citizen/loadBackends.ts)
  --appointments FILE  appointment slots, capacity and check-in window
                   (default: hall-config/appointments.json)
  --convenience FILE  districts, streets and complaint topics of the request forms
                   (default: hall-config/convenience-forms.json)
  enroll-code      prints a one-time code (valid 24 h) for a terminal to enroll with:
                   onewindow enroll --hall URL --code CODE --config FILE
  revoke           shuts a terminal out: its requests get 401 until it enrolls again
  catalogue publish  makes the catalogue in DIR (categories.json, as in
                   kiosk-config/catalogue) the hall's: terminals are told live and pull it
  config set       changes settings of a running terminal ('*': every terminal of the
                   hall): idleTimeoutSeconds, locale, services; "null" removes them`;

export async function hallCommand(args: string[], logger: Logger): Promise<number> {
  const { values, positionals } = parseCommandArgs('hall', args, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    terminal: { type: 'string' },
    dir: { type: 'string' },
    json: { type: 'string' },
    queue: { type: 'string' },
    'dashboard-key': { type: 'string' },
    'citizen-services': { type: 'string' },
    appointments: { type: 'string' },
    convenience: { type: 'string' },
    backends: { type: 'string' },
  });
  if (values.help) {
    console.log(hallHelp);
    return 0;
  }
  const [action, ...rest] = positionals;
  if (action !== undefined) subcommandOf('hall', action, ['enroll-code', 'revoke', 'catalogue', 'config']);
  if (!values.db) throw new UsageError('--db FILE is required', 'hall');
  if (action === 'catalogue') {
    subcommandOf('hall catalogue', rest[0], ['publish']);
    if (rest.length > 1 || !values.dir) throw new UsageError('expected "hall catalogue publish --db FILE --dir DIR"', 'hall');
  } else if (action === 'config') {
    subcommandOf('hall config', rest[0], ['set']);
    if (rest.length > 1 || !values.terminal || values.json === undefined) {
      throw new UsageError('expected "hall config set --db FILE --terminal ID --json JSON"', 'hall');
    }
  } else if (rest.length > 0) {
    throw new UsageError(`unexpected "${rest.join(' ')}"`, 'hall');
  }
  const db = await openHallDatabase(path.resolve(values.db));
  try {
    const registry = new TerminalRegistry(db);
    if (action === undefined) {
      const queue = await readHallQueue(values.queue ? path.resolve(values.queue) : undefined);
      const dashboardKey = values['dashboard-key'] ?? randomBytes(12).toString('base64url');
      const backends = await loadBackends(values.backends ?? 'demo').catch((error: unknown) => {
        throw error instanceof BackendsConfigError ? new UsageError(error.message, 'hall') : error;
      });
      console.log(`back ends: ${backends.description}`);
      const citizen = { catalog: await readCitizenCatalog(values['citizen-services'] ? path.resolve(values['citizen-services']) : undefined), backends: backends.backends };
      const appointments = await readAppointments(values.appointments ? path.resolve(values.appointments) : undefined);
      const convenience = await readConvenience(values.convenience ? path.resolve(values.convenience) : undefined);
      return await serveHall(db, logger, { port: parsePort('hall', values.port, 7400), host: values.host ?? '127.0.0.1', queue, citizen, appointments, convenience, dashboardKey });
    }
    if (action === 'catalogue') {
      const categories = await readCatalogueCategories(path.resolve(values.dir!));
      const items = new Map(categories.map((category, position) => [category.id, { ...category, position }]));
      const changes = await new ChangeLog(db).publish('catalogue', items);
      console.log(`published ${categories.length} categories (${changes} changes)`);
      return 0;
    }
    if (action === 'config') return await setConfig(new ChangeLog(db), values.terminal!, values.json!);
    const terminal = terminalIdSchema.safeParse(values.terminal);
    if (!terminal.success) throw new UsageError('--terminal ID is required: 1–32 letters, digits or "-"', 'hall');
    if (action === 'enroll-code') {
      console.log(await registry.issueCode(terminal.data));
      return 0;
    }
    if (action === 'revoke') {
      const revoked = await registry.revoke(terminal.data);
      console.log(revoked ? `${terminal.data} revoked` : `${terminal.data} is not an enrolled terminal`);
      return revoked ? 0 : 1;
    }
    throw new UsageError(`unknown action "${action}"`, 'hall');
  } finally {
    await db.close();
  }
}

interface ServeOptions {
  port: number;
  host: string;
  queue: HallQueue;
  citizen: HallServerOptions['citizen'];
  appointments: HallServerOptions['appointments'];
  convenience: HallServerOptions['convenience'];
  dashboardKey: string;
}

async function serveHall(db: Database, logger: Logger, { port, host, queue, citizen, appointments, convenience, dashboardKey }: ServeOptions): Promise<number> {
  const server = await createHallServer({ db, logger, queue, citizen, appointments, convenience, dashboardKey });
  await server.listen({ host, port });
  const address = server.server.address() as AddressInfo;
  console.log(`OneWindow hall server at http://${host}:${address.port}/`);
  console.log(`dashboard: http://${host}:${address.port}/dashboard?key=${dashboardKey}`);
  const signal = await untilStopSignal();
  await server.close();
  console.log(`stopped (${signal})`);
  return 0;
}

async function setConfig(changes: ChangeLog, terminal: string, json: string): Promise<number> {
  if (terminal !== '*' && !terminalIdSchema.safeParse(terminal).success) throw new UsageError('--terminal: a terminal id, or * for all', 'hall');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UsageError(`--json: not valid JSON: ${json}`, 'hall');
  }
  const parsed = value === null ? { success: true as const, data: null } : hallConfigOverridesSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`--json: ${issuesFromZod(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, 'hall');
  }
  const changed = await changes.set('config', terminal, parsed.data);
  console.log(changed ? `set for ${terminal}; running terminals apply it within seconds` : `unchanged for ${terminal}`);
  return 0;
}
