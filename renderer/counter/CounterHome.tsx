import { useTranslation } from 'react-i18next';
import type { TerminalInfo } from '../../main/contract/terminal';
import { useRpcQuery } from '../client/hostContext';
import { localized } from '../i18n/i18n';
import { Clock } from '../ui/Clock';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusStrip } from '../ui/StatusStrip';
import { TopBar } from '../ui/TopBar';
import './counter.css';

/** The clerk's screen at a counter (1920×1080): the window, its ticket and the services it serves. */
export function CounterHome({ terminal }: { terminal: TerminalInfo }) {
  const { t, i18n } = useTranslation();
  const { data: categories, error } = useRpcQuery('catalogue.categories', {}, ['catalogue.changed', 'terminal.changed']);
  return (
    <div className="screen counter">
      <TopBar title={t('counter.title', { number: terminal.windowNumber })}>
        <Clock />
      </TopBar>
      <main>
        <section aria-labelledby="current-heading">
          <h2 id="current-heading">{t('counter.current')}</h2>
          <p className="current-ticket">{t('counter.none')}</p>
        </section>
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t('counter.services')}</h2>
          {error && <ErrorNotice error={error} />}
          <ul>
            {categories?.map((category) => <li key={category.id}>{localized(category.name, i18n.language)}</li>)}
          </ul>
        </section>
      </main>
      <StatusStrip terminalId={terminal.terminalId} />
    </div>
  );
}
