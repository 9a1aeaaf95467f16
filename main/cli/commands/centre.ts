import path from 'node:path';
import type { Logger } from '../../../lib/logger.js';
import { CentreHalls, centreKeyFile, hallIdSchema, openCentreDatabase, SecretBox } from '../../../upstream/entry/index.js';
import { serveCentre } from '../../../upstream/entry/serveCentre.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';
import { addStaff, staffArgs } from './hallStaff.js';

export const centreHelp = `Usage: onewindow centre --db URL|FILE [--key-dir DIR] [--port N] [--host ADDR] [--time-zone ZONE]
       onewindow centre enrol-code --db URL|FILE [--key-dir DIR] --hall ID --name NAME
       onewindow centre staff add --db URL|FILE --user NAME --role supervisor

Runs the district command centre over many halls, or manages who reports to it.

  --db URL|FILE    the centre's database: postgres://… in a district, or a SQLite file for a trial
  --key-dir DIR    the centre's key file (0600), centre-hall-secrets.key, which seals the halls'
                   secrets in the database (default: the folder of the SQLite file; required with PostgreSQL)
  --port N         port to listen on (default 7500)
  --host ADDR      address to listen on (default 127.0.0.1)
  --time-zone ZONE the district's time zone, for "today" on its pages (default Asia/Shanghai)
  enrol-code       prints a one-time code (valid 24 h) for the hall ID (1–32 letters, digits, "-")
                   named NAME; at the hall: onewindow hall link-centre --db FILE --centre URL --code CODE.
                   The hall then reports every 30 s: its hourly figures (through an outbox, so a hall
                   that was offline catches up), its figures now and its terminals' health
  staff add        adds a staff account of the centre (/login, /dashboard); prints its password once

Pages: /dashboard (staff: every hall now and side by side over a date range, the district total,
CSV and XLSX) and /wait (public: the current wait at every hall, per service).`;

export async function centreCommand(args: string[], logger: Logger): Promise<number> {
  const { values, positionals } = parseCommandArgs('centre', args, {
    db: { type: 'string' },
    'key-dir': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'time-zone': { type: 'string' },
    hall: { type: 'string' },
    name: { type: 'string' },
    user: { type: 'string' },
    role: { type: 'string' },
  });
  if (values.help) {
    console.log(centreHelp);
    return 0;
  }
  const [action, ...rest] = positionals;
  if (action !== undefined) subcommandOf('centre', action, ['enrol-code', 'staff']);
  if (!values.db) throw new UsageError('--db URL|FILE is required', 'centre');
  const postgres = /^postgres(ql)?:\/\//.test(values.db);
  if (postgres && !values['key-dir'])
    throw new UsageError("--key-dir DIR is required with a PostgreSQL database: the folder of the centre's key file", 'centre');
  const keyDir = path.resolve(values['key-dir'] ?? path.dirname(path.resolve(values.db)));
  const roles = action === 'staff' ? staffArgs(rest, values.user, values.role, 'centre') : [];
  const hall = action === 'enrol-code' ? hallIdSchema.safeParse(values.hall) : null;
  if (hall && !hall.success) throw new UsageError('--hall ID is required: 1–32 letters, digits or "-"', 'centre');
  if (hall && !values.name?.trim()) throw new UsageError('--name NAME is required: the hall as the centre shows it', 'centre');
  if (action === 'enrol-code' && rest.length > 0) throw new UsageError(`unexpected "${rest.join(' ')}"`, 'centre');
  const timeZone = values['time-zone'] ?? 'Asia/Shanghai';
  if (!Intl.supportedValuesOf('timeZone').includes(timeZone) && timeZone !== 'UTC')
    throw new UsageError(`--time-zone: unknown time zone "${timeZone}" (e.g. Asia/Shanghai)`, 'centre');
  const db = await openCentreDatabase(postgres ? values.db : path.resolve(values.db));
  try {
    if (action === 'staff') return await addStaff(db, values.user!, roles);
    if (action === 'enrol-code') {
      const halls = new CentreHalls(db, await SecretBox.load(centreKeyFile(keyDir)));
      console.log(await halls.issueCode(hall!.data!, values.name!.trim()));
      return 0;
    }
    return await serveCentre(db, logger, {
      port: parsePort('centre', values.port, 7500),
      host: values.host ?? '127.0.0.1',
      keyDir,
      timeZone,
    });
  } finally {
    await db.close();
  }
}
