import type { Logger } from '../../../lib/logger.js';
import { parseCommandArgs, parsePort } from '../parseCommandArgs.js';
import { runTerminal, untilStopSignal } from '../runTerminal.js';
import { UsageError } from '../usageError.js';

export const defaultPort = 7300;

export const serveHelp = `Usage: onewindow serve --config FILE [--port N] [--host ADDR] [--data-dir DIR]

Runs the terminal host in Node and serves its screen and the bridge
(HTTP + WebSocket) to a browser. Prints the URL to open.

  --config FILE    terminal configuration (see kiosk-config/profiles/)
  --port N         port to listen on (default ${defaultPort}; 0 picks a free one)
  --host ADDR      address to listen on (default 127.0.0.1; a hall display TV
                   on the network needs 0.0.0.0)
  --data-dir DIR   where the terminal's database lives (default: the config's
                   dataDir, then $ONEWINDOW_DATA_DIR, then ~/.local/share/onewindow)

Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`;

export const serveOptions = {
  config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export async function serveCommand(args: string[], logger: Logger): Promise<number> {
  const { values } = parseCommandArgs('serve', args, serveOptions);
  if (values.help) {
    console.log(serveHelp);
    return 0;
  }
  if (!values.config) throw new UsageError('--config FILE is required', 'serve');
  const terminal = await runTerminal({
    configFile: values.config,
    port: parsePort('serve', values.port, defaultPort),
    logger,
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  });
  const { config } = terminal.host;
  console.log(`OneWindow ${config.role} ${config.terminalId} serving at ${terminal.url}`);
  const signal = await untilStopSignal();
  await terminal.stop();
  console.log(`stopped (${signal})`);
  return 0;
}
