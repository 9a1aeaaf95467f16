#!/usr/bin/env node
import { DataFileError } from '../../kiosk-config/readDataFile.js';
import { createLogger } from '../../lib/logger.js';
import { configCommand, configHelp } from './commands/config.js';
import { demoCommand, demoHelp } from './commands/demo.js';
import { devicesCommand, devicesHelp } from './commands/devices.js';
import { enrollCommand, enrollHelp } from './commands/enroll.js';
import { hallCommand, hallHelp } from './commands/hall.js';
import { idcardCommand, idcardHelp } from './commands/idcard.js';
import { serveCommand, serveHelp } from './commands/serve.js';
import { simulateCommand, simulateHelp } from './commands/simulate.js';
import { startCommand, startHelp } from './commands/start.js';
import { UsageError } from './usageError.js';
import { auditCommand, auditHelp } from './commands/audit.js';
import { certificateCommand, certificateHelp } from './commands/certificate.js';

const overview = `Usage: onewindow <command> [options]

Commands:
  serve     run a terminal's host in Node and serve its screen to a browser
  start     run a terminal as in the hall (Electron, else Chromium --app)
  demo      run a demo hall: kiosk, counter and display on simulated devices
  config    validate a terminal configuration, or print its JSON Schema
  hall      run the hall server, issue enrollment codes, revoke terminals
  enroll    enroll this terminal with its hall server
  devices   list attached devices, or test the one bound to a role
  idcard    read the card on a resident ID-card reader
  simulate  start a simulated device (idcard, receipt-printer, led, document-printer)
  certificate  check a printed certificate PDF against the hall that issued it
  audit     check a terminal's hash-chained audit log

"onewindow <command> --help" tells more.`;

const helpByCommand: Record<string, string> = {
  serve: serveHelp,
  start: startHelp,
  demo: demoHelp,
  config: configHelp,
  hall: hallHelp,
  enroll: enrollHelp,
  devices: devicesHelp,
  idcard: idcardHelp,
  simulate: simulateHelp,
  certificate: certificateHelp,
  audit: auditHelp,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(args[0] && helpByCommand[args[0]] ? helpByCommand[args[0]] : overview);
    return 0;
  }
  // The demo is for people watching screens, not logs: warnings only unless asked.
  const logger = createLogger(process.env.ONEWINDOW_LOG_LEVEL ?? (command === 'demo' ? 'warn' : 'info'));
  switch (command) {
    case 'serve':
      return serveCommand(args, logger);
    case 'start':
      return startCommand(args, logger);
    case 'demo':
      return demoCommand(args, logger);
    case 'config':
      return configCommand(args);
    case 'hall':
      return hallCommand(args, logger);
    case 'enroll':
      return enrollCommand(args);
    case 'devices':
      return devicesCommand(args);
    case 'idcard':
      return idcardCommand(args);
    case 'simulate':
      return simulateCommand(args);
    case 'certificate':
      return certificateCommand(args);
    case 'audit':
      return auditCommand(args);
    default:
      throw new UsageError(`unknown command "${command}"; the commands are: ${Object.keys(helpByCommand).join(', ')}`, 'onewindow');
  }
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

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = report(error);
}
