import { useTranslation } from 'react-i18next';
import type { TerminalInfo } from '../../main/contract/terminal';
import { Clock } from '../ui/Clock';
import { StatusStrip } from '../ui/StatusStrip';
import { TopBar } from '../ui/TopBar';
import './display.css';

/** The hall board (1920×1080 TV), readable from across the hall: now calling and the last calls. */
export function DisplayHome({ terminal }: { terminal: TerminalInfo }) {
  const { t } = useTranslation();
  return (
    <div className="screen display">
      <TopBar title={t('app.title')}>
        <Clock />
      </TopBar>
      <main>
        <section aria-labelledby="calling-heading">
          <h2 id="calling-heading">{t('display.nowCalling')}</h2>
          <p className="now-calling">{t('display.none')}</p>
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('display.recent')}</h2>
          <p className="recent">{t('display.noneRecent')}</p>
        </section>
      </main>
      <StatusStrip terminalId={terminal.terminalId} />
    </div>
  );
}
