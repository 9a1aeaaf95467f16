import type { HallConfigOverrides, HallManagedField, TerminalInfo } from '../../contract/terminal.js';
import type { TerminalConfig } from '../../../kiosk-config/terminalConfigSchema.js';

/**
 * The part of the configuration the screens may see (no PIN, no paths, no
 * device addresses), with what the hall server changed on top.
 */
export function terminalInfo(config: TerminalConfig, overrides: HallConfigOverrides = {}): TerminalInfo {
  return {
    terminalId: config.terminalId,
    hallId: config.hallId,
    role: config.role,
    windowNumber: config.windowNumber ?? null,
    locale: overrides.locale ?? config.locale,
    idleTimeoutSeconds: overrides.idleTimeoutSeconds ?? config.idleTimeoutSeconds,
    upstream: config.upstream,
    enabledServices: overrides.services ?? config.services,
    announcementLanguages: config.announcementLanguages,
    idleWarningSeconds: config.citizenSession.idleWarningSeconds,
    speechVolume: overrides.speechVolume ?? config.speechVolume,
    hallManaged: hallManagedFields.filter((field) => overrides[overrideOf[field]] !== undefined),
    hallConfigVersion: overrides.configVersion ?? null,
  };
}

const overrideOf: Record<HallManagedField, keyof HallConfigOverrides> = {
  locale: 'locale',
  idleTimeoutSeconds: 'idleTimeoutSeconds',
  enabledServices: 'services',
  speechVolume: 'speechVolume',
};
const hallManagedFields = Object.keys(overrideOf) as HallManagedField[];
