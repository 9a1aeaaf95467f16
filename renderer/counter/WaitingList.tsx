import { useTranslation } from 'react-i18next';
import type { CounterState } from '../../main/contract/queue';
import { localized } from '../i18n/i18n';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/** Who waits for this window, in the order "call next" takes them. */
export function WaitingList({ state }: { state: CounterState }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('counter.waitingList', { count: state.waiting.length })}</h2>
      <p className="window-services">
        {state.services.map((service) => `${service.code} ${localized(service.name, i18n.language)}`).join(' · ')}
      </p>
      {state.waiting.length === 0 ? (
        <p>{t('counter.noneWaiting')}</p>
      ) : (
        <ol className="plain-list" data-testid="waiting-list">
          {state.waiting.map((ticket) => (
            <li key={ticket.id}>
              <span className="label">{ticket.label}</span>
              <span className="time">{timeOf(ticket.issuedAt)}</span>
              {ticket.priority && <span className="badge">{t(`queue.priority.${ticket.priority}`)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
