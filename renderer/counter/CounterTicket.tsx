import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../main/contract/citizen';
import type { CounterState } from '../../main/contract/queue';
import type { Appointment } from '../../main/contract/appointments';
import { localized } from '../i18n/i18n';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/** The ticket at the window, and the citizen once their card was read (masked; appointments come from the hall). */
export function CounterTicket({
  state,
  citizen,
  appointments,
}: {
  state: CounterState;
  citizen: CitizenSummary | null | undefined;
  appointments: Appointment[] | null;
}) {
  const { t, i18n } = useTranslation();
  const ticket = state.current;
  if (state.pausedReason)
    return (
      <p className="paused" role="status">
        {t('counter.paused', { reason: t(`counter.pauseReason.${state.pausedReason}`) })}
      </p>
    );
  if (!ticket) return <p className="current-ticket none">{t('counter.none')}</p>;
  const service = state.allServices.find((candidate) => candidate.code === ticket.service);
  return (
    <div className="current">
      <p className="current-ticket" data-testid="current-ticket">
        {ticket.label}
      </p>
      <p className="current-service">{service ? localized(service.name, i18n.language) : ticket.service}</p>
      <p className="current-facts">
        {t('counter.issuedAt', { time: timeOf(ticket.issuedAt) })}
        {ticket.priority && <span className="badge">{t(`queue.priority.${ticket.priority}`)}</span>}
        {ticket.offline && <span className="badge muted">{t('counter.offlineTicket')}</span>}
        {ticket.recalls > 0 && <span>{t('counter.recalls', { count: ticket.recalls })}</span>}
      </p>
      <div className="citizen-card" aria-live="polite">
        <h3>{t('counter.citizen')}</h3>
        {citizen === undefined ? null : citizen === null ? (
          <p>{t('counter.noCard')}</p>
        ) : (
          <>
            <p data-testid="citizen">
              {t('counter.citizenLine', { name: citizen.maskedName, id: citizen.maskedIdNumber })}
              {citizen.age !== null && <span className="age">{t('counter.age', { age: citizen.age })}</span>}
            </p>
            {citizen.idNumberSuspect && <p className="notice error">{t('counter.idSuspect')}</p>}
            {appointments === null ? null : appointments.length === 0 ? (
              <p>{t('counter.noAppointment')}</p>
            ) : (
              appointments.map((appointment) => (
                <p key={appointment.code} data-testid="citizen-appointment">
                  {t('counter.appointment', {
                    time: appointment.time,
                    code: appointment.code,
                    status: t(`appointments.status.${appointment.status}`),
                  })}
                </p>
              ))
            )}
          </>
        )}
      </div>
    </div>
  );
}
