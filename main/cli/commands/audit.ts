import { loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { openDatabase } from '../../../lib/sqlite/database.js';
import { resolveDataDir } from '../../host/dataDir.js';
import { AuditLog } from '../../store/auditLog.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { subcommandOf } from '../subcommand.js';
import { UsageError } from '../usageError.js';
import path from 'node:path';

export const auditHelp = `Usage: onewindow audit verify --config FILE [--data-dir DIR]

Walks the terminal's hash-chained audit log (every certificate printed) and
says whether it is whole: an entry removed or edited is reported with where.
Exit code 0 when whole, 1 when not.`;

export async function auditCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('audit', args, { config: { type: 'string' }, 'data-dir': { type: 'string' } });
  if (values.help) {
    console.log(auditHelp);
    return 0;
  }
  subcommandOf('audit', positionals[0], ['verify']);
  if (positionals.length > 1 || !values.config) throw new UsageError('expected "audit verify --config FILE"', 'audit');
  const loaded = await loadTerminalConfig(values.config);
  const file = path.join(resolveDataDir(loaded, values['data-dir']), `${loaded.config.terminalId}.db`);
  const db = await openDatabase(file, { readOnly: true });
  try {
    const verdict = await new AuditLog(db).verify();
    if (verdict.ok) {
      console.log(`audit log of ${loaded.config.terminalId} is whole: ${verdict.entries} entries`);
      return 0;
    }
    console.log(`audit log of ${loaded.config.terminalId} is BROKEN at entry ${verdict.brokenAt}: ${verdict.problem}`);
    return 1;
  } finally {
    await db.close();
  }
}
