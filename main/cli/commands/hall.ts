import { TerminalRegistry, ChangeLog, openHallDatabase } from '../../../upstream/entry/index.js';
import path from 'node:path';
import { readCitizenCatalog } from '../../../hall-config/readCitizenCatalog.js';
import { readAppointments } from '../../../hall-config/readAppointments.js';
import { readConvenience } from '../../../hall-config/readConvenience.js';
import { readCatalogueCategories } from '../../../kiosk-config/catalogueData.js';
import { issuesFromZod } from '../../contract/errors.js';
import { terminalBindingSchema, terminalIdSchema, type TerminalBinding } from '../../contract/hallProtocol.js';
import { hallConfigOverridesSchema } from '../../contract/terminal.js';
import type { Logger } from '../../../lib/logger.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { addStaff, staffArgs } from './hallStaff.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';
import { BackendsConfigError, loadBackends } from '../../../upstream/entry/index.js';
import { readHallQueue } from '../../../hall-config/readHallQueue.js';
import { issueSetupPin } from './hallSetupPin.js';
import { hallSlotCommand } from './hallSlot.js';
import os from 'node:os';
import { hallSecurityOptions, writeHallCertificate } from './hallSecurity.js';
import { hallLinkCentreHelp, linkCentreArgs, linkHallToCentre } from './hallLinkCentre.js';
import { terminalsOverview } from '../../../upstream/entry/index.js';
import { readAlerts } from '../../../hall-config/readAlerts.js';
import { terminalsTable } from '../formatTerminals.js';
import { hallCareHelp, sendCareCommand } from './hallCare.js';
import { serveHall } from '../../../upstream/entry/serveHall.js';

export const hallHelp = `Usage: onewindow hall --db FILE [--port N] [--host ADDR] [--queue FILE] [--citizen-services FILE] [--appointments FILE] [--convenience FILE] [--backends demo|MODULE]
                      [--tls-cert FILE --tls-key FILE] [--public-url URL] [--key-dir DIR] [--retention-days N] [--alerts FILE]
       onewindow hall tls-cert --out DIR [--host NAME ...]
       onewindow hall enroll-code --db FILE --terminal ID --role kiosk|counter|display [--window N]
       onewindow hall staff add --db FILE --user NAME --role technician|supervisor[,…]
       onewindow hall revoke --db FILE --terminal ID
       onewindow hall terminals --db FILE
       onewindow hall catalogue publish --db FILE --dir DIR
       onewindow hall config set --db FILE --terminal ID|'*' --json '{"idleTimeoutSeconds":60}'
       onewindow hall setup-pin --db FILE --terminal ID [--digits 6|7|8]
       onewindow hall slot create --db FILE --terminal ID --role kiosk|counter|display [--window N] [--services A,B]
                      [--idle-timeout S] [--locale zh-CN|en] --public-url URL [--tls-cert FILE]
       onewindow hall slot set --db FILE --terminal ID [--services A,B] [--idle-timeout S] [--locale zh-CN|en]
       onewindow hall slot list --db FILE
       onewindow hall slot replace --db FILE --terminal ID --public-url URL [--tls-cert FILE]
       onewindow hall link-centre --db FILE --centre URL --code CODE [--key-dir DIR]
       onewindow hall command --db FILE TERMINAL reload|restart|test-receipt|screenshot|logs|apply-config [--out FILE] [--lines N] [--wait S] [--expires-in S]

Runs the hall server, or manages the terminals it knows.

  --db FILE        the hall's SQLite database (created if missing)
  --port N         port to listen on (default 7400)
  --host ADDR      address to listen on (default 127.0.0.1; 0.0.0.0 for the hall network)
  --queue FILE     the hall's queue: services, number ranges, windows, reset hour
                   (default: the demo hall's, hall-config/queue.json)
  --citizen-services FILE  certificates, lookups and back-end timeouts
                   (default: hall-config/citizen-services.json)
  --backends demo|MODULE  the government back ends' adapter: "demo" (the default), the
                   fictional demo adapters, no government system connected; or a module,
                   by path or package name, exporting createBackends() (upstream/citizen/loadBackends.ts)
  --appointments FILE  appointment slots, capacity and check-in window
                   (default: hall-config/appointments.json)
  --convenience FILE  districts, streets and complaint topics of the request forms
                   (default: hall-config/convenience-forms.json)
  --tls-cert FILE, --tls-key FILE  serve HTTPS with this certificate and key (PEM);
                   terminals enroll with the certificate's fingerprint and refuse any other
  --public-url URL the hall as citizens' phones reach it: the verification link printed on
                   certificates (default: the address it listens on; required with --host 0.0.0.0)
  --key-dir DIR    the hall's key files (0600): hall-signing-key.pem signs certificates,
                   hall-terminal-secrets.key seals terminal secrets in the database
                   (default: the folder of the SQLite database; required with PostgreSQL)
  --retention-days N  personal data (ID number, phone, name, address) of appointments and
                   requests that are over is removed N days after (default 180)
  --alerts FILE    alert webhooks (URLs called with a JSON body when a terminal goes
                   offline, a device faults, a backlog passes its threshold, and on
                   recovery), the threshold and the beats missed before offline
                   (default: hall-config/alerts.json, no webhooks)
  tls-cert         makes a self-signed certificate for the hall LAN in DIR (hall-cert.pem,
                   hall-key.pem 0600) for the names and addresses given with --host
                   (default: this machine's name, localhost, 127.0.0.1) and prints its
                   SHA-256 fingerprint, which terminals give to onewindow enroll --fingerprint
  enroll-code      prints a one-time code (valid 24 h) for a terminal to enroll with:
                   onewindow enroll --hall URL --code CODE --config FILE
                   --role binds the terminal to what it may do at the hall; a counter
                   also names its --window and may act on that window only
  staff add        adds a staff account (/login), or gives an existing one a new password
                   and roles; prints the generated password once. A technician cares for
                   terminals (/operations, /terminals, /care); a supervisor reads the
                   figures (/dashboard) and works the 好差评 cases (/cases)
  terminals        every terminal's health, alerting ones first: online or offline, last
                   beat, device alerts and since when, version, config published/applied,
                   backlog, screen (live, and as JSON: /operations, /api/v1/operations/terminals)
  revoke           shuts a terminal out: its requests get 401 until it enrolls again
  catalogue publish  makes the catalogue in DIR (categories.json, as in
                   kiosk-config/catalogue) the hall's: terminals are told live and pull it
  config set       changes settings of a running terminal ('*': every terminal of the
                   hall): idleTimeoutSeconds, locale, services; "null" removes them
  setup-pin        makes a random setup PIN for a terminal (8 digits unless --digits) and
                   prints it once; the terminal gets only its scrypt hash, replacing the
                   PIN of its config file, and a lockout there is lifted
  slot create      decides what a terminal is (role, window, services, idle timeout,
                   language) and prints its enrollment QR code (hall URL, certificate
                   fingerprint from --tls-cert, one-time code) for the terminal's setup wizard
  slot set         changes a slot's settings: a new version, applied live by the terminal
  slot list        each slot's published and applied config version
  slot replace     a broken box is replaced: its secret is revoked now, what it never
                   delivered is reported (events by type from its last beat, leased
                   numbers it never reported), and the QR code for the new box is printed:
                   the new box takes the same terminal id, role, window and settings
${hallLinkCentreHelp}
${hallCareHelp}`;

export async function hallCommand(args: string[], logger: Logger): Promise<number> {
  const { values, positionals } = parseCommandArgs('hall', args, {
    db: { type: 'string' },
    port: { type: 'string' },
    // Several only for tls-cert: the names and addresses the certificate is for.
    host: { type: 'string', multiple: true },
    terminal: { type: 'string' },
    dir: { type: 'string' },
    json: { type: 'string' },
    digits: { type: 'string' },
    queue: { type: 'string' },
    role: { type: 'string' },
    window: { type: 'string' },
    user: { type: 'string' },
    'citizen-services': { type: 'string' },
    appointments: { type: 'string' },
    convenience: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'public-url': { type: 'string' },
    'key-dir': { type: 'string' },
    'retention-days': { type: 'string' },
    out: { type: 'string' },
    backends: { type: 'string' },
    alerts: { type: 'string' },
    services: { type: 'string' },
    'idle-timeout': { type: 'string' },
    locale: { type: 'string' },
    lines: { type: 'string' },
    wait: { type: 'string' },
    'expires-in': { type: 'string' },
    centre: { type: 'string' },
    code: { type: 'string' },
  });
  if (values.help) {
    console.log(hallHelp);
    return 0;
  }
  const [action, ...rest] = positionals;
  if (action !== undefined)
    subcommandOf('hall', action, [
      'tls-cert',
      'enroll-code',
      'setup-pin',
      'staff',
      'revoke',
      'catalogue',
      'config',
      'terminals',
      'slot',
      'command',
      'link-centre',
    ]);
  if (action === 'tls-cert') {
    if (rest.length > 0 || !values.out) throw new UsageError('expected "hall tls-cert --out DIR [--host NAME ...]"', 'hall');
    return writeHallCertificate(path.resolve(values.out), values.host ?? [os.hostname(), 'localhost', '127.0.0.1']);
  }
  if (!values.db) throw new UsageError('--db FILE is required', 'hall');
  if (action === 'catalogue') {
    subcommandOf('hall catalogue', rest[0], ['publish']);
    if (rest.length > 1 || !values.dir) throw new UsageError('expected "hall catalogue publish --db FILE --dir DIR"', 'hall');
  } else if (action === 'config') {
    subcommandOf('hall config', rest[0], ['set']);
    if (rest.length > 1 || !values.terminal || values.json === undefined) {
      throw new UsageError('expected "hall config set --db FILE --terminal ID --json JSON"', 'hall');
    }
  } else if (action === 'slot') {
    if (rest.length > 1) throw new UsageError(`unexpected "${rest.slice(1).join(' ')}"`, 'hall');
  } else if (action === 'staff') {
    staffArgs(rest, values.user, values.role);
  } else if (action === 'link-centre') {
    linkCentreArgs(rest, values);
  } else if (rest.length > 0 && action !== 'command') {
    throw new UsageError(`unexpected "${rest.join(' ')}"`, 'hall');
  }
  if ((values.host?.length ?? 0) > 1) throw new UsageError('--host: give one address to listen on', 'hall');
  const db = await openHallDatabase(/^postgres(ql)?:\/\//.test(values.db) ? values.db : path.resolve(values.db));
  try {
    const registry = new TerminalRegistry(db);
    if (action === undefined) {
      const queue = await readHallQueue(values.queue ? path.resolve(values.queue) : undefined);
      const backends = await loadBackends(values.backends ?? 'demo').catch((error: unknown) => {
        throw error instanceof BackendsConfigError ? new UsageError(error.message, 'hall') : error;
      });
      console.log(`back ends: ${backends.description}`);
      const citizen = {
        catalog: await readCitizenCatalog(values['citizen-services'] ? path.resolve(values['citizen-services']) : undefined),
        backends: backends.backends,
      };
      const appointments = await readAppointments(values.appointments ? path.resolve(values.appointments) : undefined);
      const convenience = await readConvenience(values.convenience ? path.resolve(values.convenience) : undefined);
      const host = values.host?.[0] ?? '127.0.0.1';
      return await serveHall(db, logger, {
        port: parsePort('hall', values.port, 7400),
        host,
        queue,
        citizen,
        appointments,
        convenience,
        alerts: await readAlerts(values.alerts ? path.resolve(values.alerts) : undefined),
        ...(await hallSecurityOptions(values, host)),
      });
    }
    if (action === 'catalogue') {
      const categories = await readCatalogueCategories(path.resolve(values.dir!));
      const items = new Map(categories.map((category, position) => [category.id, { ...category, position }]));
      const changes = await new ChangeLog(db).publish('catalogue', items);
      console.log(`published ${categories.length} categories (${changes} changes)`);
      return 0;
    }
    if (action === 'terminals') {
      console.log(terminalsTable(await terminalsOverview(db, new Date())));
      return 0;
    }
    if (action === 'slot') return await hallSlotCommand(db, rest[0], values);
    if (action === 'link-centre') return await linkHallToCentre(db, values);
    if (action === 'command') return await sendCareCommand(db, rest, values);
    if (action === 'config') return await setConfig(new ChangeLog(db), values.terminal!, values.json!);
    if (action === 'staff') return await addStaff(db, values.user!, staffArgs(rest, values.user, values.role));
    const terminal = terminalIdSchema.safeParse(values.terminal);
    if (!terminal.success) throw new UsageError('--terminal ID is required: 1–32 letters, digits or "-"', 'hall');
    if (action === 'enroll-code') {
      console.log(await registry.issueCode(terminal.data, bindingFromArgs(values.role, values.window)));
      return 0;
    }
    if (action === 'setup-pin') {
      const digits = Number(values.digits ?? 8);
      if (![6, 7, 8].includes(digits)) throw new UsageError('--digits: 6, 7 or 8', 'hall');
      console.log(await issueSetupPin(new ChangeLog(db), terminal.data, digits));
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

async function setConfig(changes: ChangeLog, terminal: string, json: string): Promise<number> {
  if (terminal !== '*' && !terminalIdSchema.safeParse(terminal).success)
    throw new UsageError('--terminal: a terminal id, or * for all', 'hall');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UsageError(`--json: not valid JSON: ${json}`, 'hall');
  }
  // A slot's version is the hall's to count (hall slot set), never typed here.
  const parsed =
    value === null ? { success: true as const, data: null } : hallConfigOverridesSchema.omit({ configVersion: true }).safeParse(value);
  if (!parsed.success) {
    throw new UsageError(
      `--json: ${issuesFromZod(parsed.error)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      'hall',
    );
  }
  const changed = await changes.set('config', terminal, parsed.data);
  console.log(changed ? `set for ${terminal}; running terminals apply it within seconds` : `unchanged for ${terminal}`);
  return 0;
}

function bindingFromArgs(role: string | undefined, window: string | undefined): TerminalBinding {
  const parsed = terminalBindingSchema.safeParse(
    role === 'counter'
      ? { role, window: window === undefined ? undefined : Number(window) }
      : { role, ...(window === undefined ? {} : { window }) },
  );
  if (parsed.success) return parsed.data;
  if (role !== 'kiosk' && role !== 'counter' && role !== 'display')
    throw new UsageError('--role kiosk|counter|display is required: what the terminal may do at the hall', 'hall');
  if (role === 'counter') throw new UsageError('--window N is required for a counter: the window it serves (1–999)', 'hall');
  throw new UsageError(`--window: only a counter has a window, this terminal is a ${role}`, 'hall');
}
