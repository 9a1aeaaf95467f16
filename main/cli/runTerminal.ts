import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { packageRoot } from '../../kiosk-config/paths.js';
import type { Host, HostOptions } from '../host/createHost.js';
import { resolveDataDir } from '../host/dataDir.js';
import type { EmbeddedHall } from '../host/embeddedHall.js';
import type { Logger } from '../../lib/logger.js';
import type { HttpBridge } from '../transport/httpBridge.js';
import { ScreenAccess } from '../transport/screenAccess.js';

export const rendererDir = path.join(packageRoot, 'dist', 'renderer');

export interface RunningTerminal {
  host: Host;
  bridge: HttpBridge;
  /** The bridge's URL at the route of the terminal's role: the page, which asks to be paired. */
  url: string;
  /** A URL that lets one browser in (a one-time launch code), at the route of the terminal's role. */
  launchUrl(): string;
  stop(): Promise<void>;
}

export interface TerminalOptions {
  configFile: string;
  dataDir?: string;
  host?: string;
  port: number;
  logger: Logger;
  /** A hall server in this process shared by several terminals (the demo); else an "embedded" terminal starts its own. */
  embeddedHall?: EmbeddedHall;
  /** Names the terminal is reached under on the network, besides its own addresses and hostname. */
  hostNames?: readonly string[];
  /** Remote care's reach: the screen the launcher started and how to restart the host. */
  care?: HostOptions['care'];
}

/** A host in plain Node with its HTTP bridge: what `serve`, `start` and `demo` run. */
export async function runTerminal(options: TerminalOptions): Promise<RunningTerminal> {
  const loaded = await loadTerminalConfig(options.configFile);
  // The host, the hall link and the bridge are loaded only once the config is good: they take a second
  // or more to import, which `serve --help` or a bad config should not wait for.
  const [{ createHost }, { connectToHall }, { startHttpBridge }] = await Promise.all([
    import('../host/createHost.js'),
    import('../host/hallConnection.js'),
    import('../transport/httpBridge.js'),
  ]);
  const dataDir = resolveDataDir(loaded, options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const { terminalId } = loaded.config;
  const screens = await ScreenAccess.open({
    keyFile: path.join(dataDir, `${terminalId}.screen-key`),
    cookieName: `onewindow-screen-${terminalId.replace(/[^A-Za-z0-9_-]/g, '_')}`,
  });
  const hall = await connectToHall(loaded.config, dataDir, options.logger, options.embeddedHall);
  let host: Host;
  try {
    host = await createHost({
      loaded,
      dataDir,
      logger: options.logger,
      hallIdentity: hall.identity,
      screens,
      ...(options.care ? { care: options.care } : {}),
    });
  } catch (error) {
    await hall.close();
    throw error;
  }
  let bridge: HttpBridge;
  try {
    bridge = await startHttpBridge({
      dispatch: host.dispatch,
      events: host.events,
      logger: options.logger,
      rendererDir,
      screens,
      terminalRole: loaded.config.role,
      port: options.port,
      ...(options.host ? { host: options.host } : {}),
      ...(options.hostNames ? { hostNames: options.hostNames } : {}),
    });
  } catch (error) {
    await host.close();
    await hall.close();
    throw error;
  }
  return {
    host,
    bridge,
    url: `${bridge.url}#/${host.config.role}`,
    launchUrl: () => bridge.launchUrl(`#/${host.config.role}`),
    stop: async () => {
      await bridge.close();
      await host.close();
      await hall.close();
    },
  };
}
