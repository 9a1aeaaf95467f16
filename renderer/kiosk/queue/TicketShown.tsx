import { useTranslation } from 'react-i18next';
import type { TakenTicket } from '../../../main/contract/queue';
import { localized } from '../../i18n/i18n';
import { QrImage } from '../../ui/QrImage';
import { useKioskAccess, useVoicePrompt } from '../access/KioskAccess';

/** The ticket on screen: what was printed, or, when printing failed, what the citizen needs instead of the paper. */
export function TicketShown({ taken, onDone }: { taken: TakenTicket; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { spokenNumber } = useKioskAccess();
  useVoicePrompt(
    t('access.ticketSpoken', {
      title: t('queue.yourNumber'),
      number: spokenNumber(taken.ticket.label),
      ahead: t('queue.ahead', { count: taken.peopleAhead }),
    }),
    localized(taken.serviceName, i18n.language),
    taken.estimatedWaitMinutes !== null && t('queue.wait', { minutes: taken.estimatedWaitMinutes }),
    taken.printed
      ? t('queue.printed')
      : t('queue.notPrinted', { problem: t(`queue.printProblem.${taken.printProblem ?? 'not_connected'}`) }),
    taken.ticket.offline && t('queue.offlineIssued'),
  );
  return (
    <section className="ticket-shown" aria-labelledby="ticket-heading" data-printed={taken.printed}>
      <h2 id="ticket-heading">{t('queue.yourNumber')}</h2>
      <p className="ticket-number" data-testid="ticket-number">
        {taken.ticket.label}
      </p>
      <p className="ticket-service">{localized(taken.serviceName, i18n.language)}</p>
      {taken.ticket.priority && <p className="badge">{t(`queue.priority.${taken.ticket.priority}`)}</p>}
      <p className="ticket-wait">
        <span>{t('queue.ahead', { count: taken.peopleAhead })}</span>
        {taken.estimatedWaitMinutes !== null && <span>{t('queue.wait', { minutes: taken.estimatedWaitMinutes })}</span>}
      </p>
      {taken.printed ? (
        <p className="notice ok">{t('queue.printed')}</p>
      ) : (
        <p className="notice error" role="alert">
          {t('queue.notPrinted', { problem: t(`queue.printProblem.${taken.printProblem ?? 'not_connected'}`) })}
        </p>
      )}
      {taken.ticket.offline && <p className="notice">{t('queue.offlineIssued')}</p>}
      <figure className="follow">
        <QrImage content={taken.followUrl} label={t('queue.scan')} />
        <figcaption>{t('queue.scan')}</figcaption>
      </figure>
      <button type="button" className="primary wide" autoFocus onClick={onDone}>
        {t('queue.done')}
      </button>
    </section>
  );
}
