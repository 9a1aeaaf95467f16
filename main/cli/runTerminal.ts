import path from 'node:path';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { packageRoot } from '../../kiosk-config/paths.js';
import { createHost, type Host } from '../host/createHost.js';
import { resolveDataDir } from '../host/dataDir.js';
import type { Logger } from '../host/logger.js';
import { startHttpBridge, type HttpBridge } from '../transport/httpBridge.js';

export const rendererDir = path.join(packageRoot, 'dist', 'renderer');

export interface RunningTerminal {
  host: Host;
  bridge: HttpBridge;
  /** The URL to open: the bridge's, at the route of the terminal's role. */
  url: string;
  stop(): Promise<void>;
}

export interface TerminalOptions {
  configFile: string;
  dataDir?: string;
  host?: string;
  port: number;
  logger: Logger;
}

/** A host in plain Node with its HTTP bridge: what `serve`, `start` and `demo` run. */
export async function runTerminal(options: TerminalOptions): Promise<RunningTerminal> {
  const loaded = await loadTerminalConfig(options.configFile);
  const host = await createHost({ loaded, dataDir: resolveDataDir(loaded, options.dataDir), logger: options.logger });
  let bridge: HttpBridge;
  try {
    bridge = await startHttpBridge({
      dispatch: host.dispatch,
      events: host.events,
      logger: options.logger,
      rendererDir,
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
    });
  } catch (error) {
    await host.close();
    throw error;
  }
  return {
    host,
    bridge,
    url: `${bridge.url}#/${host.config.role}`,
    stop: async () => {
      await bridge.close();
      await host.close();
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM, so a command can shut down cleanly. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
