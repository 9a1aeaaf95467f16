import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { profilesDir } from '../../kiosk-config/paths.js';
import { runTerminal, type RunningTerminal, type TerminalOptions } from '../../main/cli/runTerminal.js';
import { recordingLogger } from './silentLogger.js';

/**
 * A real terminal host with its HTTP bridge on a free port (loopback unless `bridge.host`; remote care's reach in `bridge.care`), from a
 * demo profile (optionally changed) written into `dir`.
 */
export async function startTestTerminal(
  dir: string,
  profile = 'demo-kiosk',
  changes: Record<string, unknown> = {},
  bridge: Pick<TerminalOptions, 'host' | 'hostNames' | 'care'> = {},
): Promise<RunningTerminal> {
  const config = { ...JSON.parse(await readFile(path.join(profilesDir, `${profile}.json`), 'utf8')), ...changes };
  delete config.$schema;
  const configFile = path.join(dir, `${profile}.json`);
  await writeFile(configFile, JSON.stringify(config, null, 2));
  return runTerminal({ configFile, dataDir: path.join(dir, 'data'), port: 0, logger: recordingLogger().logger, ...bridge });
}
