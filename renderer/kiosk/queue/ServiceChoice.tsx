import { useTranslation } from 'react-i18next';
import type { QueueOverview } from '../../../main/contract/queue';
import { localized } from '../../i18n/i18n';
import { useChoicePage } from '../access/useChoicePage';

/** The queue services as large buttons, each with how many wait and for how long. */
export function ServiceChoice({ overview, onChoose }: { overview: QueueOverview; onChoose: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { shown, more } = useChoicePage(overview.services);
  return (
    <nav className="queue-services" aria-label={t('queue.chooseService')}>
      {shown.map((service) => (
        <button
          type="button"
          key={service.code}
          className="queue-service"
          data-service={service.code}
          onClick={() => onChoose(service.code)}
        >
          <span className="letter" aria-hidden="true">
            {service.code}
          </span>
          <span className="name">{localized(service.name, i18n.language)}</span>
          <span className="load">
            <span>{t('queue.waiting', { count: service.waiting })}</span>
            <span>
              {service.estimatedWaitMinutes === null
                ? t('queue.noEstimate')
                : t('queue.estimate', { minutes: service.estimatedWaitMinutes })}
            </span>
          </span>
        </button>
      ))}
      {more}
    </nav>
  );
}
