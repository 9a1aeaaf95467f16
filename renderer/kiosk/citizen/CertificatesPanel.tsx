import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificatePrint, CertificateType } from '../../../main/contract/citizenServices';
import type { RpcEventPayload } from '../../../main/contract/rpc';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useVoicePrompt } from '../access/KioskAccess';
import { StepIndicator, useStepText } from '../access/StepIndicator';
import { useChoicePage } from '../access/useChoicePage';

type Stage = RpcEventPayload<'certificate.progress'>['stage'];

/** The six certificates; printing shows its stages and ends with what the citizen should do. */
export function CertificatesPanel() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: menu } = useRpcQuery('citizenServices.menu', {}, ['hallServices.changed']);
  const [stage, setStage] = useState<Stage | null>(null);
  const [result, setResult] = useState<CertificatePrint | null>(null);
  const { error, run } = useRpcAction();
  useEffect(() => host.on('certificate.progress', ({ stage: next }) => setStage(next)), [host]);
  const { shown, more } = useChoicePage(menu?.certificates ?? []);
  const stepText = useStepText('certificates', stage ? 4 : 3);
  const outcome = result && (result.outcome === 'printed' ? 'done' : result.outcome);
  const held =
    result &&
    result.outcome !== 'printed' &&
    t('certificates.held', {
      problem: result.problem === 'not_sent' || !result.problem ? t('certificates.notSent') : t(`status.detail.${result.problem}`),
      window: result.helpWindow,
    });
  useVoicePrompt(
    !result && stepText,
    !result && !stage && t('certificates.title'),
    stage && !result && t(`certificates.stage.${stage}`),
    outcome && t(`certificates.stage.${outcome}`),
    result?.outcome === 'printed' && t('certificates.printed'),
    held,
  );

  const print = (type: CertificateType) => {
    setResult(null);
    setStage('issuing');
    return run(
      // Elder mode marks the page (class "elder" on <html>): its citizen gets the large-print paper.
      async () =>
        setResult(await host.call('certificates.print', { type, largePrint: document.documentElement.classList.contains('elder') })),
      () => setStage(null),
    );
  };

  if (stage && !result) {
    return (
      <section className="printing" aria-live="polite">
        <StepIndicator flow="certificates" current={4} />
        <h2>{t(`certificates.stage.${stage}`)}</h2>
        <progress max={3} value={{ issuing: 1, rendering: 2, printing: 3, done: 3, held: 3, failed: 3 }[stage]} />
      </section>
    );
  }
  if (result) {
    return (
      <section className="printing" aria-live="polite" data-outcome={result.outcome}>
        <h2>{t(`certificates.stage.${result.outcome === 'printed' ? 'done' : result.outcome}`)}</h2>
        {result.outcome === 'printed' ? (
          <p className="notice ok">{t('certificates.printed')}</p>
        ) : (
          <p className="notice error" role="alert">
            {held}
          </p>
        )}
        <p className="code" data-testid="certificate-code">
          {t('certificates.code', { code: result.code })}
        </p>
        <button
          type="button"
          className="primary wide"
          autoFocus
          onClick={() => {
            setResult(null);
            setStage(null);
          }}
        >
          {t('certificates.again')}
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="certificates-heading">
      <StepIndicator flow="certificates" current={3} />
      <h2 id="certificates-heading">{t('certificates.title')}</h2>
      {error && <ErrorNotice error={error} />}
      <div className="service-list">
        {shown.map((certificate) => (
          <button type="button" key={certificate.type} data-certificate={certificate.type} onClick={() => void print(certificate.type)}>
            {localized(certificate.title, i18n.language)}
          </button>
        ))}
        {more}
      </div>
    </section>
  );
}
