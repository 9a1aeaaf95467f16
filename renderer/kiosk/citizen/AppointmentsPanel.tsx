import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentService, Slot } from '../../../main/contract/appointments';
import type { TakenTicket } from '../../../main/contract/queue';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useScans } from '../../ui/useScans';
import { TicketShown } from '../queue/TicketShown';
import { isMobileNumber, PhoneKeypad } from '../../ui/PhoneKeypad';
import { useChoicePage } from '../access/useChoicePage';

type View =
  | { name: 'mine' }
  | { name: 'pick'; service: AppointmentService; rescheduling: string | null }
  | { name: 'phone'; slot: Slot }
  | { name: 'booked'; appointment: Appointment; printed: boolean }
  | { name: 'ticket'; taken: TakenTicket };

/** Appointments: mine (check in on the day, reschedule, cancel), or a new one: service → day and slot → phone → booked, with a receipt. */
export function AppointmentsPanel() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: services } = useRpcQuery('appointments.services', {}, ['hallServices.changed']);
  const mine = useRpcQuery('appointments.mine', {});
  const [view, setView] = useState<View>({ name: 'mine' });
  const { error, run: act } = useRpcAction();
  const [phone, setPhone] = useState('');
  const servicePage = useChoicePage(services ?? []);
  const checkIn = (code: string) => act(async () => setView({ name: 'ticket', taken: await host.call('appointments.checkIn', { code }) }));
  // The receipt's QR code, scanned on the day, checks the appointment in.
  useScans((code) => {
    if (code.startsWith('OWAPPT:')) void checkIn(code);
  });
  const home = () => {
    setView({ name: 'mine' });
    mine.reload();
  };
  const serviceName = (id: AppointmentService) =>
    localized(services?.find((service) => service.id === id)?.name ?? { 'zh-CN': id, en: id }, i18n.language);

  if (view.name === 'ticket') return <TicketShown taken={view.taken} onDone={home} />;
  return (
    <section className="appointments" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">{t('appointments.title')}</h2>
      {error && <ErrorNotice error={error} />}
      {view.name === 'mine' && (
        <>
          {mine.data?.length === 0 && <p>{t('appointments.none')}</p>}
          <ul className="my-appointments plain-list">
            {mine.data?.map((appointment) => (
              <li key={appointment.code} data-appointment={appointment.code}>
                <span className="what">
                  {t('appointments.when', { service: serviceName(appointment.service), day: appointment.day, time: appointment.time })}
                </span>
                <span className="status">{t(`appointments.status.${appointment.status}`)}</span>
                {appointment.status === 'booked' && (
                  <span className="choice-row">
                    {appointment.checkInOpen && (
                      <button type="button" className="primary" onClick={() => void checkIn(appointment.code)}>
                        {t('appointments.checkIn')}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => setView({ name: 'pick', service: appointment.service, rescheduling: appointment.code })}
                    >
                      {t('appointments.reschedule')}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        void act(async () => void (await host.call('appointments.cancel', { code: appointment.code }), mine.reload()))
                      }
                    >
                      {t('appointments.cancel')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <h3>{t('appointments.new')}</h3>
          <div className="service-list">
            {servicePage.shown.map((service) => (
              <button
                type="button"
                key={service.id}
                data-appointment-service={service.id}
                onClick={() => setView({ name: 'pick', service: service.id, rescheduling: null })}
              >
                {localized(service.name, i18n.language)}
              </button>
            ))}
            {servicePage.more}
          </div>
        </>
      )}
      {view.name === 'pick' && (
        <SlotPicker
          service={view.service}
          onPick={(slot) =>
            view.rescheduling
              ? void act(async () =>
                  setView({
                    name: 'booked',
                    ...(await host.call('appointments.reschedule', { code: view.rescheduling!, day: slot.day, time: slot.time })),
                  }),
                )
              : setView({ name: 'phone', slot })
          }
          onBack={home}
        />
      )}
      {view.name === 'phone' && (
        <div className="appointment-phone">
          <p>{t('appointments.when', { service: serviceName(view.slot.service), day: view.slot.day, time: view.slot.time })}</p>
          <PhoneKeypad value={phone} onChange={setPhone} />
          <div className="choice-row">
            <button
              type="button"
              className="primary"
              disabled={!isMobileNumber(phone)}
              onClick={() =>
                void act(async () =>
                  setView({
                    name: 'booked',
                    ...(await host.call('appointments.book', {
                      service: view.slot.service,
                      day: view.slot.day,
                      time: view.slot.time,
                      phone,
                    })),
                  }),
                )
              }
            >
              {t('appointments.confirm')}
            </button>
            <button type="button" onClick={home}>
              {t('queue.back')}
            </button>
          </div>
        </div>
      )}
      {view.name === 'booked' && (
        <div className="appointment-booked" aria-live="polite">
          <p className="notice ok">{t('appointments.booked', { day: view.appointment.day, time: view.appointment.time })}</p>
          <p className="code" data-testid="appointment-code">
            {view.appointment.code}
          </p>
          <p>{view.printed ? t('appointments.receiptPrinted') : t('appointments.receiptNotPrinted')}</p>
          <button type="button" className="wide" onClick={home}>
            {t('appointments.done')}
          </button>
        </div>
      )}
    </section>
  );
}

function SlotPicker({ service, onPick, onBack }: { service: AppointmentService; onPick: (slot: Slot) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { data: slots, error } = useRpcQuery('appointments.slots', { service });
  const days = [...new Set(slots?.map((slot) => slot.day) ?? [])];
  const [day, setDay] = useState<string | null>(null);
  const shownDay = day ?? days[0] ?? null;
  const dayPage = useChoicePage(days);
  const slotPage = useChoicePage(slots?.filter((slot) => slot.day === shownDay) ?? []);
  return (
    <div className="slot-picker">
      {error && <ErrorNotice error={error} />}
      <div className="choice-row days" role="group" aria-label={t('appointments.day')}>
        {dayPage.shown.map((candidate) => (
          <button
            type="button"
            key={candidate}
            aria-pressed={candidate === shownDay}
            className={candidate === shownDay ? 'primary' : undefined}
            onClick={() => setDay(candidate)}
          >
            {candidate.slice(5)}
          </button>
        ))}
        {dayPage.more}
      </div>
      <div className="slots">
        {slotPage.shown.map((slot) => (
          <button type="button" key={slot.time} data-slot={slot.time} disabled={slot.left === 0} onClick={() => onPick(slot)}>
            <span>{slot.time}</span>
            <span className="left">{slot.left === 0 ? t('appointments.full') : t('appointments.left', { count: slot.left })}</span>
          </button>
        ))}
        {slotPage.more}
      </div>
      <button type="button" onClick={onBack}>
        {t('queue.back')}
      </button>
    </div>
  );
}
