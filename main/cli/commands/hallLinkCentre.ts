import type { Database } from '../../../lib/sqlite/database.js';
import { hallKeyFiles, linkCentre, SecretBox } from '../../../upstream/entry/index.js';
import { UsageError } from '../usageError.js';
import { hallKeyDirOf } from './hallSecurity.js';

export const hallLinkCentreHelp = `  link-centre      links the hall to its district command centre with a one-time code from
                   "onewindow centre enrol-code": the running hall then reports to it every 30 s
                   (hourly figures through an outbox, so nothing is lost while the centre is away;
                   its figures now; its terminals' health). Linking again starts over with the new centre`;

interface LinkFlags {
  db?: string | undefined;
  'key-dir'?: string | undefined;
  centre?: string | undefined;
  code?: string | undefined;
}

/** Checks `hall link-centre` before the database is opened. */
export function linkCentreArgs(rest: readonly string[], values: LinkFlags): void {
  if (rest.length > 0 || !values.centre || !values.code)
    throw new UsageError('expected "hall link-centre --db FILE --centre URL --code CODE"', 'hall');
  if (!URL.canParse(values.centre) || !/^https?:$/.test(new URL(values.centre).protocol))
    throw new UsageError(`--centre: expected the centre's https:// address, got "${values.centre}"`, 'hall');
  // The enrolment answer carries the hall's secret: in clear only to this machine.
  if (new URL(values.centre).protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(values.centre).hostname))
    throw new UsageError(
      `--centre: the centre must be reached over https (its answer carries the hall's secret), got "${values.centre}"; plain http only on this machine`,
      'hall',
    );
}

/** `hall link-centre`: trades the centre's code for the hall's id and secret there (sealed with the hall's key). */
export async function linkHallToCentre(db: Database, values: LinkFlags): Promise<number> {
  const secrets = await SecretBox.load(hallKeyFiles(hallKeyDirOf(values)).terminalSecrets);
  const linked = await linkCentre(db, secrets, values.centre!, values.code!, new Date());
  console.log(`linked to the centre at ${new URL(values.centre!).origin} as hall ${linked.hallId} (${linked.name})`);
  console.log('the running hall reports within 30 s: its whole history first, then every change');
  return 0;
}
