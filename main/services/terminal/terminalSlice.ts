import type { RpcHandlers } from '../../contract/rpc.js';
import type { HallConfigOverrides, TerminalInfo } from '../../contract/terminal.js';
import type { SyncedScope } from '../../sync/terminalSync.js';
import type { HostParts } from '../hostParts.js';
import { hallConfigApplier } from './hallConfigApplier.js';
import { HallSettingRepository } from './hallSettingRepository.js';
import { terminalInfo } from './terminalInfo.js';

/** Who this terminal is, with what the hall set on top (scope `config`): screens re-read it on `terminal.changed`. */
export async function createTerminalSlice({ db, config, events }: Pick<HostParts, 'db' | 'config' | 'events'>): Promise<{
  info(): Promise<TerminalInfo>;
  /** The settings in force now, for what must read them synchronously (the session's idle clock); follows the hall's as they are pulled. */
  current(): TerminalInfo;
  /** The hall's settings for this terminal (hall-wide, then its own). */
  overrides(): Promise<HallConfigOverrides>;
  handlers: Pick<RpcHandlers, 'terminal.info'>;
  scope: SyncedScope;
}> {
  const settings = new HallSettingRepository(db);
  const info = async () => terminalInfo(config, await settings.effective(config.terminalId));
  let current = await info();
  return {
    info,
    current: () => current,
    overrides: () => settings.effective(config.terminalId),
    handlers: { 'terminal.info': info },
    scope: {
      apply: hallConfigApplier,
      onPulled: () => {
        events.emit('terminal.changed', {});
        void info().then((changed) => (current = changed));
      },
    },
  };
}
