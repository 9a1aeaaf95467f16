import { setupPinHashSchema, setupPinKey } from '../../contract/setupPin.js';
import { hallConfigOverridesSchema } from '../../contract/terminal.js';
import { appendEvent } from '../../store/outboxRepository.js';
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
    const overrides = item.value === null ? null : hallConfigOverridesSchema.parse(item.value);
    await settings.put(item.key, overrides);
    // The hall shows published vs applied: say which version is now in force, in the same transaction.
    if (item.key === terminalId && overrides?.configVersion !== undefined)
      await appendEvent(tx, 'config.applied', { configVersion: overrides.configVersion });
  }
};
