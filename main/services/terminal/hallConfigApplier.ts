import { setupPinHashSchema, setupPinKey } from '../../contract/setupPin.js';
import { hallConfigOverridesSchema } from '../../contract/terminal.js';
import type { ScopeApplier } from '../../sync/puller.js';
import { SetupAccessRepository } from '../setup/setupAccessRepository.js';
import { HallSettingRepository } from './hallSettingRepository.js';

/** Hall-set settings: the hall-wide ones ('*') and this terminal's own, with its setup PIN's hash; other terminals' are skipped. */
export const hallConfigApplier: ScopeApplier = async (tx, items, _first, terminalId) => {
  const settings = new HallSettingRepository(tx);
  for (const item of items) {
    if (item.key === setupPinKey(terminalId)) {
      await new SetupAccessRepository(tx).putHallPin(item.value === null ? null : setupPinHashSchema.parse(item.value));
      continue;
    }
    if (item.key !== '*' && item.key !== terminalId) continue;
    await settings.put(item.key, item.value === null ? null : hallConfigOverridesSchema.parse(item.value));
  }
};
