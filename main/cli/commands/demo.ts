import { healthPaths } from '../../contract/health.js';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { profilesDir } from '../../../kiosk-config/paths.js';
import type { Logger } from '../../../lib/logger.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { runTerminal, type RunningTerminal } from '../runTerminal.js';
import { untilStopSignal } from '../../../lib/stopSignal.js';
import { defaultPort } from './serve.js';

export const demoHelp = `Usage: onewindow demo [--port N] [--data-dir DIR]

Runs the demo hall on this machine: a kiosk, a counter and a queue display
from the demo profiles, each on its own port from N (default ${defaultPort}),
on simulated devices, enrolled with one hall server embedded in this
process; prints the URL of each screen. Stops on Ctrl-C.

  --data-dir DIR   where the demo terminals and the embedded hall server keep
                   their databases (default: onewindow-demo in the temp folder)`;

const demoProfiles = ['demo-kiosk.json', 'demo-counter.json', 'demo-display.json'];

export async function demoCommand(args: string[], logger: Logger): Promise<number> {
  const { values } = parseCommandArgs('demo', args, { port: { type: 'string' }, 'data-dir': { type: 'string' } });
  if (values.help) {
    console.log(demoHelp);
    return 0;
  }
  const basePort = parsePort('demo', values.port, defaultPort);
  const dataDir = path.resolve(values['data-dir'] ?? path.join(os.tmpdir(), 'onewindow-demo'));
  await mkdir(dataDir, { recursive: true });
  // One hall server for the three terminals, in this process: their upstream is "embedded".
  // Loaded only now, so that `demo --help` answers at once.
  const { demoStaff, EmbeddedHall } = await import('../../host/embeddedHall.js');
  const hall = await EmbeddedHall.start(dataDir, logger);
  const terminals: RunningTerminal[] = [];
  const stopAll = async () => {
    await Promise.all(terminals.map((terminal) => terminal.stop()));
    await hall.close();
  };
  try {
    for (const [index, profile] of demoProfiles.entries()) {
      terminals.push(
        await runTerminal({
          configFile: path.join(profilesDir, profile),
          port: basePort === 0 ? 0 : basePort + index,
          logger,
          dataDir,
          embeddedHall: hall,
        }),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  const stopped = untilStopSignal();
  console.log('OneWindow demo hall is running. Open each screen in a browser (each launch code lets one browser in; it stays in):');
  for (const terminal of terminals) {
    console.log(`  ${terminal.host.config.role.padEnd(8)} ${terminal.launchUrl()}`);
  }
  console.log('Technician setup: add #/setup to a URL (PIN 246813 in the demo profiles). Ctrl-C stops.');
  console.log(`  hall     ${hall.url} (embedded hall server)`);
  console.log(
    `  dashboard ${hall.dashboardUrl} (DEMO staff login: ${demoStaff.username} / ${demoStaff.password}; a real hall: "onewindow hall staff add")`,
  );
  console.log(`  operations ${hall.url}${healthPaths.page} (terminals, device alerts; same login)`);
  await stopped;
  await stopAll();
  return 0;
}
