import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../../main/contract/citizen';
import type { RpcError } from '../../../main/contract/errors';
import { useHost } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useScans } from '../../ui/useScans';
import './citizen.css';

/**
 * Who the citizen is (ID card, or an e-ID code scanned from their phone),
 * then their consent; only then the service, with the masked identity and a
 * "finish" button above it.
 */
export function CitizenGate({ onFinish, children }: { onFinish: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const host = useHost();
  const [citizen, setCitizen] = useState<CitizenSummary | null>(null);
  const [reading, setReading] = useState(false);
  const [noCard, setNoCard] = useState(false);
  const [error, setError] = useState<RpcError>();

  const attempt = async (work: () => Promise<CitizenSummary | null>) => {
    setError(undefined);
    setNoCard(false);
    try {
      const who = await work();
      setCitizen(who);
      setNoCard(who === null);
    } catch (failure) {
      setError(failure as RpcError);
    }
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

  if (!citizen) {
    return (
      <section className="citizen-gate" aria-labelledby="identify-heading">
        <h2 id="identify-heading">{t('citizen.identifyTitle')}</h2>
        <p className="hint">{t('citizen.identifyHint')}</p>
        <button type="button" className="primary wide" disabled={reading} onClick={() => void readCard()}>
          {reading ? t('citizen.reading') : t('citizen.readCard')}
        </button>
        {noCard && <p className="notice">{t('citizen.noCard')}</p>}
        {error && <ErrorNotice error={error} />}
        <button type="button" onClick={onFinish}>
          {t('queue.back')}
        </button>
      </section>
    );
  }
  const who = t('citizen.who', { name: citizen.maskedName, id: citizen.maskedIdNumber });
  if (!citizen.consented) {
    return (
      <section className="citizen-gate" aria-labelledby="consent-heading">
        <p className="who" data-testid="citizen-who">
          {who}
        </p>
        <h2 id="consent-heading">{t('citizen.consentTitle')}</h2>
        <p className="consent-text">{t('citizen.consentText')}</p>
        {error && <ErrorNotice error={error} />}
        <div className="choice-row">
          <button
            type="button"
            className="primary"
            onClick={() => void attempt(async () => (await host.call('citizen.consent', {})).citizen)}
          >
            {t('citizen.agree')}
          </button>
          <button type="button" onClick={onFinish}>
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
        <button type="button" onClick={onFinish}>
          {t('citizen.finish')}
        </button>
      </div>
      {children}
    </div>
  );
}
