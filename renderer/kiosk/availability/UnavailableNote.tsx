import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Availability, UnmetNeed } from '../../../main/contract/availability';
import { localized } from '../../i18n/i18n';
import './availability.css';

const deviceDetails = new Set(['not_fitted', 'unreachable', 'replaced', 'fault']);

/** "凭条打印机：缺纸": what is missing, in the status strip's words where it has them. */
export function unmetText(t: TFunction, unmet: UnmetNeed): string {
  const need = unmet.need === 'hall' ? t('availability.hall') : t(`status.device.${unmet.need}`);
  const detail = deviceDetails.has(unmet.detail) ? t(`availability.detail.${unmet.detail}`) : t(`status.detail.${unmet.detail}`);
  return t('availability.reason', { need, detail });
}

/** The staffed window the hall named, or any staffed window. */
export function staffedWindowText(t: TFunction, language: string, availability: Availability | undefined): string {
  return availability?.staffedWindow ? localized(availability.staffedWindow, language) : t('availability.anyWindow');
}

/** Inside a service's button: that it cannot be used now, why, and where to go instead. */
export function UnavailableNote({ unmet, availability }: { unmet: UnmetNeed; availability: Availability | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="unavailable-note" data-testid="unavailable-note">
      <strong>{t('availability.unavailable')}</strong>
      {t('availability.note', {
        reason: unmetText(t, unmet),
        goTo: t('availability.goTo', { window: staffedWindowText(t, i18n.language, availability) }),
      })}
    </span>
  );
}
