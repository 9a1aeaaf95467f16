import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nearTurnAhead } from '../../../main/contract/turnReminder';
import { useHost } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { isMobileNumber, PhoneKeypad } from '../../ui/PhoneKeypad';
import { useRpcAction } from '../../ui/useRpcAction';
import { useKioskAccess, useVoicePrompt } from '../access/KioskAccess';

export type TurnReminderStage = 'offer' | 'typing' | 'set';

/**
 * "Text me when my turn is near" on the ticket screen: a mobile number typed
 * on the keypad goes to the hall, which texts once and erases it when the
 * ticket ends. The screen forgets it as soon as the hall has it.
 */
export function TurnReminder({
  ticketId,
  label,
  stage,
  onStage,
}: {
  ticketId: string;
  /** The ticket's number, written and spoken in the prompt while the ticket itself steps back. */
  label: string;
  stage: TurnReminderStage;
  onStage: (stage: TurnReminderStage) => void;
}) {
  const { t } = useTranslation();
  const host = useHost();
  const { spokenNumber } = useKioskAccess();
  const [phone, setPhone] = useState('');
  const [tail, setTail] = useState('');
  const { busy, error, run } = useRpcAction();
  useVoicePrompt(
    stage === 'typing' && t('queue.sms.typing', { count: nearTurnAhead, label: spokenNumber(label) }),
    stage === 'typing' && t('queue.sms.kept'),
    stage === 'set' && t('queue.sms.set', { count: nearTurnAhead, tail: spokenNumber(tail) }),
  );

  const confirm = () =>
    run(async () => {
      await host.call('queue.remindByPhone', { ticketId, phone });
      setTail(phone.slice(-4));
      setPhone('');
      onStage('set');
    });

  if (stage === 'set')
    return (
      <p className="notice ok" data-testid="sms-reminder">
        {t('queue.sms.set', { count: nearTurnAhead, tail })}
      </p>
    );
  if (stage === 'offer')
    return (
      <button type="button" className="wide" onClick={() => onStage('typing')}>
        {t('queue.sms.offer')}
      </button>
    );
  return (
    <div className="turn-reminder">
      <p>{t('queue.sms.typing', { count: nearTurnAhead, label })}</p>
      <PhoneKeypad value={phone} onChange={setPhone} />
      <p className="kept">{t('queue.sms.kept')}</p>
      {error && <ErrorNotice error={error} />}
      <div className="choice-row">
        <button type="button" className="primary" disabled={busy || !isMobileNumber(phone)} onClick={() => void confirm()}>
          {t('queue.sms.confirm')}
        </button>
        <button
          type="button"
          data-keypad-back
          onClick={() => {
            setPhone('');
            onStage('offer');
          }}
        >
          {t('queue.sms.cancel')}
        </button>
      </div>
    </div>
  );
}
