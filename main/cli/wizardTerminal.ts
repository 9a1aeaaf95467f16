import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadTerminalConfig } from '../../kiosk-config/loadTerminalConfig.js';
import { ServiceError } from '../contract/errors.js';
import { rpcMethods, type RpcHandlers, type RpcMethodName } from '../contract/rpc.js';
import type { TerminalRole } from '../contract/terminal.js';
import { createHost, type Host } from '../host/createHost.js';
import { connectToHall, type HallConnection } from '../host/hallConnection.js';
import { SetupWizard } from '../services/setup/wizard/setupWizard.js';
import { wizardHandlers } from '../services/setup/wizard/wizardHandlers.js';
import { createDispatcher, type Dispatch } from '../transport/dispatcher.js';
import { EventHub } from '../transport/eventHub.js';
import { startHttpBridge, type HttpBridge } from '../transport/httpBridge.js';
import { ScreenAccess } from '../transport/screenAccess.js';
import { rendererDir, type TerminalOptions } from './runTerminal.js';

export interface WizardTerminal {
  bridge: HttpBridge;
  /** A one-time launch URL at the wizard. */
  launchUrl(): string;
  /** The terminal the wizard started, once it has written the configuration. */
  host(): Host | null;
  stop(): Promise<void>;
}

/** Where a terminal without a configuration keeps its data: as resolveDataDir would without a config. */
function dataDirWithoutConfig(fromCommandLine?: string): string {
  if (fromCommandLine) return path.resolve(fromCommandLine);
  if (process.env.ONEWINDOW_DATA_DIR) return path.resolve(process.env.ONEWINDOW_DATA_DIR);
  return path.join(process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'onewindow');
}

const notSetUp = async (): Promise<never> => {
  throw new ServiceError('unavailable', 'this terminal is not set up yet: finish the setup wizard');
};

/**
 * A terminal started with no configuration: its screen shows the setup
 * wizard, which writes the configuration; the terminal then starts from it in
 * this process, behind the same bridge and screen cookie — no restart.
 */
export async function runWizardTerminal(options: TerminalOptions): Promise<WizardTerminal> {
  const dataDir = dataDirWithoutConfig(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const screens = await ScreenAccess.open({
    keyFile: path.join(dataDir, 'setup-wizard.screen-key'),
    cookieName: 'onewindow-screen-wizard',
  });
  const events = new EventHub();
  let role: TerminalRole = 'kiosk';
  let host: Host | null = null;
  let hall: HallConnection | null = null;
  const wizard = new SetupWizard({
    configFile: options.configFile,
    dataDir,
    logger: options.logger,
    onConfigured: async () => {
      const loaded = await loadTerminalConfig(options.configFile);
      hall = await connectToHall(loaded.config, dataDir, options.logger);
      host = await createHost({ loaded, dataDir, logger: options.logger, hallIdentity: hall.identity, screens });
      host.events.subscribe((event, payload) => events.emit(event, payload as never));
      role = loaded.config.role;
      dispatch = host.dispatch;
      options.logger.info({ terminalId: loaded.config.terminalId, role }, 'set up by the wizard: the terminal runs');
    },
  });
  const handlers = Object.fromEntries(Object.keys(rpcMethods).map((method) => [method, notSetUp])) as unknown as RpcHandlers;
  let dispatch: Dispatch = createDispatcher(
    { ...handlers, ...wizardHandlers(wizard) } satisfies Record<RpcMethodName, unknown>,
    options.logger,
  );
  const bridge = await startHttpBridge({
    dispatch: (method, input) => dispatch(method, input),
    events,
    logger: options.logger,
    rendererDir,
    screens,
    // Read per request: the wizard's screen becomes the role's screen once the hall's role is written.
    get terminalRole() {
      return role;
    },
    port: options.port,
    ...(options.host ? { host: options.host } : {}),
    ...(options.hostNames ? { hostNames: options.hostNames } : {}),
  });
  return {
    bridge,
    launchUrl: () => bridge.launchUrl('#/setup'),
    host: () => host,
    stop: async () => {
      await bridge.close();
      await (host as Host | null)?.close();
      await (hall as HallConnection | null)?.close();
    },
  };
}
