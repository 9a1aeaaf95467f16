import type { TerminalConfig } from '../../kiosk-config/terminalConfigSchema.js';
import type { TerminalIdentity } from '../sync/hallClient.js';
import { bindingOf } from '../contract/hallProtocol.js';
import { loadIdentity } from '../sync/identityStore.js';
import { EmbeddedHall } from './embeddedHall.js';
import type { Logger } from '../../lib/logger.js';

export interface HallConnection {
  /** Null when the terminal is not enrolled with its hall server: it runs, offline. */
  identity: TerminalIdentity | null;
  close(): Promise<void>;
}

/**
 * Who this terminal is to its hall server. For a hall server at a URL, the
 * identity `onewindow enroll` stored; for "embedded", a hall server in this
 * process (the one given, shared by a demo's terminals, or its own).
 */
export async function connectToHall(
  config: TerminalConfig,
  dataDir: string,
  logger: Logger,
  shared?: EmbeddedHall,
): Promise<HallConnection> {
  if (config.upstream === 'embedded') {
    const hall = shared ?? (await EmbeddedHall.start(dataDir, logger));
    try {
      return {
        identity: await hall.enroll(config.terminalId, bindingOf(config.role, config.windowNumber)),
        close: async () => (shared ? undefined : hall.close()),
      };
    } catch (error) {
      if (!shared) await hall.close();
      throw error;
    }
  }
  const identity = await loadIdentity(dataDir, config.terminalId);
  if (!identity) {
    logger.warn(
      { upstream: config.upstream },
      `terminal ${config.terminalId} is not enrolled with its hall server: run "onewindow enroll --hall URL --code CODE --config FILE"`,
    );
    return { identity: null, close: async () => undefined };
  }
  if (new URL(identity.hallUrl).origin !== new URL(config.upstream).origin) {
    logger.warn(
      { enrolledWith: identity.hallUrl, upstream: config.upstream },
      'the terminal is enrolled with another hall server than its config names: enroll again',
    );
    return { identity: null, close: async () => undefined };
  }
  return { identity, close: async () => undefined };
}
