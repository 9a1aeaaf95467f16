import type { Logger } from '../../../lib/logger.js';
import { isLoopbackListener, ownAddresses } from '../../transport/hostNames.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { runTerminal } from '../runTerminal.js';
import { untilStopSignal } from '../../../lib/stopSignal.js';
import { UsageError } from '../usageError.js';
import { existsSync } from 'node:fs';
import { answerLauncher, careUnderLauncher, underLauncher } from '../launcher/hostChannel.js';
import type { RunningTerminal } from '../runTerminal.js';

export const defaultPort = 7300;

export const serveHelp = `Usage: onewindow serve --config FILE [--port N] [--host ADDR] [--data-dir DIR]

Runs the terminal host in Node and serves its screen and the bridge
(HTTP + WebSocket) to a browser. Prints a launch URL with a one-time code:
the browser that opens it first is the terminal's screen. Any other screen
(a hall TV over the network) is paired in setup mode, with a code the
terminal's own screen shows; over the network a screen is a display only.

  --config FILE    terminal configuration (see kiosk-config/profiles/); when the file does
                   not exist, the screen opens the setup wizard, which writes it
  --port N         port to listen on (default ${defaultPort}; 0 picks a free one)
  --host ADDR      address to listen on (default 127.0.0.1; a hall display TV
                   on the network needs 0.0.0.0)
  --host-name NAME DNS name screens on the network reach it under, besides
                   its own addresses and hostname (repeatable; others: 421)
  --data-dir DIR   where the terminal's database lives (default: the config's
                   dataDir, then $ONEWINDOW_DATA_DIR, then ~/.local/share/onewindow)

Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

export const serveOptions = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'host-name': { type: 'string', multiple: true },
  'data-dir': { type: 'string' },
} as const;

export async function serveCommand(args: string[], logger: Logger): Promise<number> {
  const { values } = parseCommandArgs('serve', args, serveOptions);
  if (values.help) {
    console.log(serveHelp);
    return 0;
  }
  if (!values.config) throw new UsageError('--config FILE is required', 'serve');
  if (!existsSync(values.config)) return serveWizard(values.config, values, logger);
  const supervised = underLauncher();
  const terminal: RunningTerminal = await runTerminal({
    configFile: values.config,
    port: parsePort('serve', values.port, defaultPort),
    logger,
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values['host-name'] ? { hostNames: values['host-name'] } : {}),
    ...(supervised ? { care: careUnderLauncher(() => terminal, logger) } : {}),
  });
  // Listened for before the address is printed: whoever reads it may stop this at once, and an unheard SIGTERM loses the log's last lines.
  const stopped = untilStopSignal();
  const { config } = terminal.host;
  let letGoOfLauncher = () => undefined as void;
  if (supervised) {
    // The launcher gets its launch codes over the channel; none goes to the journal.
    console.log(`OneWindow ${config.role} ${config.terminalId} serving at ${terminal.url} for the launcher`);
    letGoOfLauncher = answerLauncher(terminal);
  } else {
    console.log(`OneWindow ${config.role} ${config.terminalId} serving at ${terminal.launchUrl()}`);
    console.log('(the launch code works once; other screens are paired in setup mode)');
  }
  if (values.host && !isLoopbackListener(values.host)) {
    for (const { address } of ownAddresses(false).filter((entry) => entry.family === 'IPv4'))
      console.log(`  a screen on the network (display only): http://${address}:${terminal.bridge.port}/#/display`);
  }
  const signal = await stopped;
  await terminal.stop();
  letGoOfLauncher();
  console.log(`stopped (${signal})`);
  return 0;
}

/** No configuration yet: the screen runs the setup wizard, and the terminal starts from what it writes. */
async function serveWizard(
  configFile: string,
  values: { port?: string; host?: string; 'data-dir'?: string; 'host-name'?: string[] },
  logger: Logger,
) {
  // Loaded here: the wizard's host is a second of imports that `serve --help` should not wait for.
  const { runWizardTerminal } = await import('../wizardTerminal.js');
  const terminal = await runWizardTerminal({
    configFile,
    port: parsePort('serve', values.port, defaultPort),
    logger,
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values['host-name'] ? { hostNames: values['host-name'] } : {}),
  });
  const stopped = untilStopSignal();
  console.log(`OneWindow: no configuration at ${configFile}; setup wizard at ${terminal.launchUrl()}`);
  console.log('(the launch code works once)');
  const signal = await stopped;
  await terminal.stop();
  console.log(`stopped (${signal})`);
  return 0;
}
