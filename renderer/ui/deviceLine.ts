import type { TFunction } from 'i18next';
import type { DeviceStatus } from '../../main/contract/status';

/** "凭条打印机：缺纸" when there is a detail to say, else the state. */
export function deviceLine(t: TFunction, device: DeviceStatus): string {
  const name = t(`status.device.${device.role}`);
  return device.detail
    ? t('status.deviceLineDetail', { device: name, detail: t(`status.detail.${device.detail}`) })
    : t('status.deviceLine', { device: name, state: t(`status.state.${device.state}`) });
}
