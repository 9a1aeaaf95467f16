import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TakenTicket } from '../../../main/contract/queue';
import { localized } from '../../i18n/i18n';
import { QrImage } from '../../ui/QrImage';
import { useKioskAccess, useVoicePrompt } from '../access/KioskAccess';
import { TurnReminder, type TurnReminderStage } from './TurnReminder';

/** The ticket on screen: what was printed, or, when printing failed, what the citizen needs instead of the paper. */
export function TicketShown({ taken, onDone }: { taken: TakenTicket; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { spokenNumber } = useKioskAccess();
  const [reminder, setReminder] = useState<TurnReminderStage>('offer');
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
    <section
      className={reminder === 'typing' ? 'ticket-shown typing' : 'ticket-shown'}
      aria-labelledby="ticket-heading"
      data-printed={taken.printed}
    >
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
      {reminder !== 'typing' && (
        <figure className="follow">
          <QrImage content={taken.followUrl} label={t('queue.scan')} />
          <figcaption>{t('queue.scan')}</figcaption>
        </figure>
      )}
      {/* The hall can text only about a ticket it knows: not one this kiosk issued while the hall was away. */}
      {!taken.ticket.offline && (
        <TurnReminder ticketId={taken.ticket.id} label={taken.ticket.label} stage={reminder} onStage={setReminder} />
      )}
      {reminder !== 'typing' && (
        <button type="button" className="primary wide" autoFocus onClick={onDone}>
          {t('queue.done')}
        </button>
      )}
    </section>
  );
}
