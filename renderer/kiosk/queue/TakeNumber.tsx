import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TakenTicket } from '../../../main/contract/queue';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useKioskAccess, useVoicePrompt } from '../access/KioskAccess';
import { StepIndicator, useStepText } from '../access/StepIndicator';
import { IdentifyStep } from './IdentifyStep';
import { ServiceChoice } from './ServiceChoice';
import { TicketShown } from './TicketShown';
import './queue.css';

type Step = { name: 'service' } | { name: 'identify'; service: string } | { name: 'issuing' } | { name: 'ticket'; taken: TakenTicket };

/** Take a number: choose a service → optionally the ID card → the ticket, printed and on screen. */
export function TakeNumber({ onDone, service = null }: { onDone: () => void; service?: string | null }) {
  const { t } = useTranslation();
  const host = useHost();
  const { data: overview, error: overviewError } = useRpcQuery('queue.overview', {}, ['queue.changed']);
  const [step, setStep] = useState<Step>(service ? { name: 'identify', service } : { name: 'service' });
  const { error, run } = useRpcAction();
  const access = useKioskAccess();
  const stepNumber = { service: 1, identify: 2, issuing: 2, ticket: 3 }[step.name];
  const stepText = useStepText('queue', stepNumber);
  const shownError = error ?? overviewError;
  useVoicePrompt(
    step.name === 'service' && stepText,
    step.name === 'service' && t('queue.chooseService'),
    step.name === 'issuing' && t('queue.issuing'),
  );

  const take = (service: string, disability: boolean) => {
    setStep({ name: 'issuing' });
    return run(
      async () => setStep({ name: 'ticket', taken: await host.call('queue.takeTicket', { service, disability }) }),
      () => setStep({ name: 'service' }),
    );
  };

  return (
    <div className="take-number">
      <StepIndicator flow="queue" current={stepNumber} />
      {step.name !== 'ticket' && (
        <div className="step-head">
          <button type="button" data-keypad-back onClick={step.name === 'identify' ? () => setStep({ name: 'service' }) : onDone}>
            {t('queue.back')}
          </button>
          <h2>{t('queue.chooseService')}</h2>
        </div>
      )}
      {shownError && <ErrorNotice error={shownError} />}
      {step.name === 'service' && overview && (
        <ServiceChoice overview={overview} onChoose={(service) => setStep({ name: 'identify', service })} />
      )}
      {step.name === 'identify' && (
        <IdentifyStep stepText={stepText} onSenior={access.offerElder} onTake={(disability) => void take(step.service, disability)} />
      )}
      {step.name === 'issuing' && <p className="issuing">{t('queue.issuing')}</p>}
      {step.name === 'ticket' && <TicketShown taken={step.taken} onDone={onDone} />}
    </div>
  );
}
