import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useChoicePage } from '../access/useChoicePage';
import { ItemPage } from './ItemPage';
import './catalogue.css';

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export interface CatalogueNextSteps {
  onTakeNumber: (service: string) => void;
  onBook: () => void;
}

/**
 * The government-service items: type pinyin initials on the on-screen
 * letters ("SB" finds 社保) and the list answers at each key, or browse by
 * department or by life event.
 */
export function CatalogueBrowser({ onBack, ...next }: { onBack: () => void } & CatalogueNextSteps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<{ department: string | null; lifeEvent: string | null }>({ department: null, lifeEvent: null });
  const [open, setOpen] = useState<string | null>(null);
  const { data: browse } = useRpcQuery('catalogue.browse', {});
  const searching = text !== '' || filter.department !== null || filter.lifeEvent !== null;
  const { data: found, error } = useRpcQuery('catalogue.search', { text, ...filter });
  const departmentPage = useChoicePage(browse?.departments ?? []);
  const lifeEventPage = useChoicePage(browse?.lifeEvents ?? []);
  const foundPage = useChoicePage(found ?? []);

  if (open) return <ItemPage id={open} onBack={() => setOpen(null)} {...next} />;
  return (
    <section className="catalogue-browser" aria-labelledby="catalogue-heading">
      <div className="step-head">
        <button type="button" onClick={onBack}>
          {t('queue.back')}
        </button>
        <h2 id="catalogue-heading">{t('catalogueItems.title', { count: browse?.items ?? 0 })}</h2>
      </div>
      <output className="search-shown" aria-live="polite" aria-label={t('catalogueItems.search')}>
        {text || t('catalogueItems.searchHint')}
      </output>
      <div className="letters" role="group" aria-label={t('catalogueItems.search')}>
        {letters.map((letter) => (
          <button type="button" key={letter} data-letter={letter} onClick={() => setText((now) => (now.length < 12 ? now + letter : now))}>
            {letter}
          </button>
        ))}
        <button type="button" className="wide-key" onClick={() => setText((now) => now.slice(0, -1))}>
          {t('appointments.backspace')}
        </button>
        <button type="button" className="wide-key" onClick={() => setText('')}>
          {t('setup.clear')}
        </button>
      </div>
      <div className="filters">
        <span>{t('catalogueItems.byDepartment')}</span>
        {departmentPage.shown.map((department) => (
          <button
            type="button"
            key={department.id}
            aria-pressed={filter.department === department.id}
            onClick={() => setFilter({ department: filter.department === department.id ? null : department.id, lifeEvent: null })}
          >
            {localized(department.name, i18n.language)}
          </button>
        ))}
        {departmentPage.more}
      </div>
      <div className="filters">
        <span>{t('catalogueItems.byLifeEvent')}</span>
        {lifeEventPage.shown.map((event) => (
          <button
            type="button"
            key={event.id}
            aria-pressed={filter.lifeEvent === event.id}
            onClick={() => setFilter({ lifeEvent: filter.lifeEvent === event.id ? null : event.id, department: null })}
          >
            {localized(event.name, i18n.language)}
          </button>
        ))}
        {lifeEventPage.more}
      </div>
      {error && <ErrorNotice error={error} />}
      {searching && found?.length === 0 && <p className="notice">{t('catalogueItems.nothing')}</p>}
      {searching && (
        <ul className="items plain-list" data-testid="catalogue-results" data-choices>
          {foundPage.shown.map((item) => (
            <li key={item.id}>
              <button type="button" data-item={item.id} onClick={() => setOpen(item.id)}>
                {localized(item.name, i18n.language)}
              </button>
            </li>
          ))}
          {foundPage.more && <li>{foundPage.more}</li>}
        </ul>
      )}
    </section>
  );
}
