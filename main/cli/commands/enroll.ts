import { mkdir } from 'node:fs/promises';
import { loadTerminalConfig } from '../../../kiosk-config/loadTerminalConfig.js';
import { resolveDataDir } from '../../host/dataDir.js';
import { enrollWithHall } from '../../sync/hallClient.js';
import { saveIdentity } from '../../sync/identityStore.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { UsageError } from '../usageError.js';

export const enrollHelp = `Usage: onewindow enroll --hall URL --code CODE --config FILE [--data-dir DIR]

Enrolls this terminal with its hall server: trades the one-time code (from
"onewindow hall enroll-code") for the terminal's secret, and stores it beside
the terminal's database, readable by this user only.`;

export async function enrollCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs('enroll', args, {
    hall: { type: 'string' },
    code: { type: 'string' },
    config: { type: 'string' },
    'data-dir': { type: 'string' },
  });
  if (values.help) {
    console.log(enrollHelp);
    return 0;
  }
  if (!values.hall || !values.code || !values.config) throw new UsageError('--hall URL, --code CODE and --config FILE are required', 'enroll');
  const loaded = await loadTerminalConfig(values.config);
  const identity = await enrollWithHall(values.hall, values.code);
  if (identity.terminalId !== loaded.config.terminalId) {
    console.error(`the code is for terminal ${identity.terminalId}, but ${loaded.file} is terminal ${loaded.config.terminalId}: ask for a code for ${loaded.config.terminalId}`);
    return 1;
  }
  const dataDir = resolveDataDir(loaded, values['data-dir']);
  await mkdir(dataDir, { recursive: true });
  const file = await saveIdentity(dataDir, identity);
  console.log(`enrolled ${identity.terminalId} with ${values.hall}; secret stored in ${file}`);
  return 0;
}
