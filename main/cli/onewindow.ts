#!/usr/bin/env node
import { DataFileError } from '../../kiosk-config/readDataFile.js';
import { openLogFile, type LogFile } from '../../lib/logFile.js';
import { createLogger, type Logger } from '../../lib/logger.js';
import { logOptionsHelp, takeLogOptions } from './logOptions.js';
import { UsageError } from './usageError.js';

interface Command {
  help: string;
  run(args: string[], logger: Logger): Promise<number>;
}

// Each command's module is loaded only when it runs: the hall's and the host's imports take seconds,
// and `onewindow idcard` or `hall enroll-code` should not wait for them.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => import('./commands/serve.js').then((m) => ({ help: m.serveHelp, run: m.serveCommand })),
  start: async () => import('./commands/start.js').then((m) => ({ help: m.startHelp, run: m.startCommand })),
  demo: async () => import('./commands/demo.js').then((m) => ({ help: m.demoHelp, run: m.demoCommand })),
  config: async () => import('./commands/config.js').then((m) => ({ help: m.configHelp, run: m.configCommand })),
  hall: async () => import('./commands/hall.js').then((m) => ({ help: m.hallHelp, run: m.hallCommand })),
  centre: async () => import('./commands/centre.js').then((m) => ({ help: m.centreHelp, run: m.centreCommand })),
  enroll: async () => import('./commands/enroll.js').then((m) => ({ help: m.enrollHelp, run: m.enrollCommand })),
  devices: async () => import('./commands/devices.js').then((m) => ({ help: m.devicesHelp, run: m.devicesCommand })),
  idcard: async () => import('./commands/idcard.js').then((m) => ({ help: m.idcardHelp, run: m.idcardCommand })),
  simulate: async () => import('./commands/simulate.js').then((m) => ({ help: m.simulateHelp, run: m.simulateCommand })),
  certificate: async () => import('./commands/certificate.js').then((m) => ({ help: m.certificateHelp, run: m.certificateCommand })),
  audit: async () => import('./commands/audit.js').then((m) => ({ help: m.auditHelp, run: m.auditCommand })),
};

const overview = `Usage: onewindow <command> [options]

Commands:
  serve     run a terminal's host in Node and serve its screen to a browser
  start     run a terminal as in the hall (Electron, else Chromium --app)
  demo      run a demo hall: kiosk, counter and display on simulated devices
  config    validate a terminal configuration, or print its JSON Schema
  hall      run the hall server, issue enrollment codes, revoke terminals
  centre    run the district command centre over many halls
  enroll    enroll this terminal with its hall server
  devices   list attached devices, or test the one bound to a role
  idcard    read the card on a resident ID-card reader
  simulate  start a simulated device (idcard, receipt-printer, led, document-printer)
  certificate  check a printed certificate PDF against the hall that issued it
  audit     check a terminal's hash-chained audit log

"onewindow <command> --help" tells more.

${logOptionsHelp}`;

/** The log file of this run, if --log-file named one: closed at the end, so its last lines are written. */
const logs: { file: LogFile | null } = { file: null };

async function main(argv: string[]): Promise<number> {
  const taken = takeLogOptions(argv);
  const [command, ...args] = taken.args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const load = args[0] === undefined ? undefined : commands[args[0]];
    console.log(load ? (await load()).help : overview);
    return 0;
  }
  const load = commands[command];
  if (!load) throw new UsageError(`unknown command "${command}"; the commands are: ${Object.keys(commands).join(', ')}`, 'onewindow');
  // The demo is for people watching screens, not logs: warnings only unless asked.
  if (taken.logFile) logs.file = openLogFile(taken.logFile);
  const logger = createLogger(process.env.ONEWINDOW_LOG_LEVEL ?? (command === 'demo' ? 'warn' : 'info'), logs.file ?? undefined);
  return (await load()).run(args, logger);
}

/** Failures a person can act on are printed plainly; a stack trace only with ONEWINDOW_DEBUG. */
function report(error: unknown): number {
  if (error instanceof UsageError) {
    const hint = error.command === 'onewindow' ? 'onewindow --help' : `onewindow ${error.command} --help`;
    console.error(`onewindow ${error.command === 'onewindow' ? '' : `${error.command}: `}${error.message}\n(see "${hint}")`);
    return 2;
  }
  if (error instanceof DataFileError) {
    console.error(`invalid configuration or data file ${error.message}`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    console.error(`onewindow: ${(error as Error).message}: the port is in use; choose another with --port`);
    return 1;
  }
  console.error(`onewindow: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.ONEWINDOW_DEBUG) console.error(error);
  return 1;
}

let failed = false;
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  failed = true;
  process.exitCode = report(error);
}
await logs.file?.close();
// A command that failed half-way may leave a server open or a stop signal listened for: end rather than
// hang, or take a SIGTERM without stopping.
if (failed) process.exit();
