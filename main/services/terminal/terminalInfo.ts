import type { TerminalInfo } from '../../contract/terminal.js';
import type { TerminalConfig } from '../../../kiosk-config/terminalConfigSchema.js';

/** The part of the configuration the screens may see: no PIN, no paths, no device addresses. */
export function terminalInfo(config: TerminalConfig): TerminalInfo {
  return {
    terminalId: config.terminalId,
    hallId: config.hallId,
    role: config.role,
    windowNumber: config.windowNumber ?? null,
    locale: config.locale,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
    upstream: config.upstream,
    enabledServices: config.services,
  };
}
