import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { CatalogueNextSteps } from './CatalogueBrowser';

/** An item: what to bring, how it can be done, and the next step (a ticket for the right service, a booking, the guide on paper). */
export function ItemPage({ id, onBack, onTakeNumber, onBook }: { id: string; onBack: () => void } & CatalogueNextSteps) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: item, error } = useRpcQuery('catalogue.item', { id });
  const [printed, setPrinted] = useState<boolean | null>(null);
  if (error) return <ErrorNotice error={error} />;
  if (!item) return null;
  const channels = (['window', 'online', 'mail'] as const).filter((channel) => item.channels[channel]);
  return (
    <section className="item-page" aria-labelledby="item-heading">
      <h2 id="item-heading">{localized(item.name, i18n.language)}</h2>
      <h3>{t('catalogueItems.materials')}</h3>
      <ol>
        {item.materials.map((material) => (
          <li key={material.en}>{localized(material, i18n.language)}</li>
        ))}
      </ol>
      <h3>{t('catalogueItems.channels')}</h3>
      <p>{channels.map((channel) => t(`catalogueItems.channel.${channel}`)).join(' · ')}</p>
      {printed !== null && (
        <p className={printed ? 'notice ok' : 'notice error'}>
          {printed ? t('catalogueItems.guidePrinted') : t('catalogueItems.guideNotPrinted')}
        </p>
      )}
      <div className="choice-row">
        {item.queueService && (
          <button type="button" className="primary" onClick={() => onTakeNumber(item.queueService!)}>
            {t('catalogueItems.takeNumber')}
          </button>
        )}
        {item.appointment && (
          <button type="button" onClick={onBook}>
            {t('catalogueItems.book')}
          </button>
        )}
        <button type="button" onClick={() => void host.call('catalogue.printGuide', { id }).then((result) => setPrinted(result.printed))}>
          {t('catalogueItems.printGuide')}
        </button>
        <button type="button" onClick={onBack}>
          {t('queue.back')}
        </button>
      </div>
    </section>
  );
}
