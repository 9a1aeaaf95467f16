import { useTranslation } from 'react-i18next';
import type { Availability } from '../../../main/contract/availability';
import { staffedWindowText, unmetText } from './UnavailableNote';
import './availability.css';

/** When no service can work: one plain message and where a person will help, instead of a screen of dead buttons. */
export function OutOfService({ availability }: { availability: Availability }) {
  const { t, i18n } = useTranslation();
  const reasons = [...new Set(availability.services.flatMap(({ unmet }) => (unmet ? [unmetText(t, unmet)] : [])))];
  return (
    <section className="out-of-service" role="alert" aria-labelledby="out-of-service-title" data-testid="out-of-service">
      <h2 id="out-of-service-title">{t('availability.outOfService.title')}</h2>
      <p className="go-to">{t('availability.outOfService.goTo', { window: staffedWindowText(t, i18n.language, availability) })}</p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <p>{t('availability.outOfService.sorry')}</p>
    </section>
  );
}
