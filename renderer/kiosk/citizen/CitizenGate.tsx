import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../../main/contract/citizen';
import { useHost } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useScans } from '../../ui/useScans';
import { useKioskAccess, useVoicePrompt } from '../access/KioskAccess';
import { StepIndicator, useStepText, type StepFlow } from '../access/StepIndicator';
import './citizen.css';

/**
 * Who the citizen is (ID card, or an e-ID code scanned from their phone),
 * then their consent; only then the service, with the masked identity and a
 * "finish" button above it.
 */
export function CitizenGate({ onFinish, flow, children }: { onFinish: () => void; flow: StepFlow; children: ReactNode }) {
  const { t } = useTranslation();
  const host = useHost();
  const { offerElder } = useKioskAccess();
  const [citizen, setCitizen] = useState<CitizenSummary | null>(null);
  const [reading, setReading] = useState(false);
  const [noCard, setNoCard] = useState(false);
  const { error, run } = useRpcAction();

  const attempt = (work: () => Promise<CitizenSummary | null>) => {
    setNoCard(false);
    return run(async () => {
      const who = await work();
      setCitizen(who);
      if (who?.senior && !who.consented) offerElder();
      setNoCard(who === null);
    });
  };
  const readCard = async () => {
    setReading(true);
    await attempt(async () => (await host.call('citizen.readCard', { waitSeconds: 20 })).citizen);
    setReading(false);
  };
  useScans((code) => {
    if (!citizen?.consented && !code.startsWith('OWAPPT:'))
      void attempt(async () => (await host.call('citizen.scanEid', { code })).citizen);
  });

  const stepText = useStepText(flow, citizen ? 2 : 1);
  useVoicePrompt(
    !citizen?.consented && stepText,
    !citizen && t('citizen.identifyTitle'),
    !citizen && t('citizen.identifyHint'),
    reading && t('citizen.reading'),
    noCard && t('citizen.noCard'),
    citizen && !citizen.consented && t('citizen.consentTitle'),
    citizen && !citizen.consented && t('citizen.consentText'),
  );
  if (!citizen) {
    return (
      <section className="citizen-gate" aria-labelledby="identify-heading">
        <StepIndicator flow={flow} current={1} />
        <h2 id="identify-heading">{t('citizen.identifyTitle')}</h2>
        <p className="hint">{t('citizen.identifyHint')}</p>
        {noCard && <p className="notice">{t('citizen.noCard')}</p>}
        {error && <ErrorNotice error={error} />}
        <div className="flow-actions">
          <button type="button" className="primary wide" disabled={reading} onClick={() => void readCard()}>
            {reading ? t('citizen.reading') : t('citizen.readCard')}
          </button>
          <button type="button" data-keypad-back onClick={onFinish}>
            {t('queue.back')}
          </button>
        </div>
      </section>
    );
  }
  const who = t('citizen.who', { name: citizen.maskedName, id: citizen.maskedIdNumber });
  if (!citizen.consented) {
    return (
      <section className="citizen-gate" aria-labelledby="consent-heading">
        <StepIndicator flow={flow} current={2} />
        <p className="who" data-testid="citizen-who">
          {who}
        </p>
        <h2 id="consent-heading">{t('citizen.consentTitle')}</h2>
        <p className="consent-text">{t('citizen.consentText')}</p>
        {error && <ErrorNotice error={error} />}
        <div className="choice-row flow-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void attempt(async () => (await host.call('citizen.consent', {})).citizen)}
          >
            {t('citizen.agree')}
          </button>
          <button type="button" data-keypad-back onClick={onFinish}>
            {t('citizen.decline')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <div className="citizen-service">
      <div className="session-bar">
        <span data-testid="citizen-who">{who}</span>
        <button type="button" data-keypad-back onClick={onFinish}>
          {t('citizen.finish')}
        </button>
      </div>
      {children}
    </div>
  );
}
