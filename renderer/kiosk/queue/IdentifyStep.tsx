import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitizenSummary } from '../../../main/contract/citizen';
import { useHost } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useVoicePrompt } from '../access/KioskAccess';

/**
 * Optional: the ID card gives a citizen of 60 or over priority. The card is
 * read by the host and kept there; the screen only gets it masked.
 */
export function IdentifyStep({
  stepText,
  onTake,
  onSenior,
}: {
  stepText: string;
  onTake: (disability: boolean) => void;
  /** The card says 60 or over: elder mode is offered. */
  onSenior: () => void;
}) {
  const { t } = useTranslation();
  const host = useHost();
  const { busy: reading, error, run } = useRpcAction();
  const [citizen, setCitizen] = useState<CitizenSummary | null | undefined>();
  const [disability, setDisability] = useState(false);

  const read = () =>
    run(async () => {
      const read = (await host.call('citizen.readCard', { waitSeconds: 20 })).citizen;
      setCitizen(read);
      if (read?.senior) onSenior();
    });

  useVoicePrompt(
    stepText,
    t('queue.identifyTitle'),
    reading && t('queue.reading'),
    citizen === null && t('queue.noCard'),
    citizen?.senior && t('queue.senior'),
  );
  return (
    <section className="identify" aria-labelledby="identify-heading">
      <h2 id="identify-heading">{t('queue.identifyTitle')}</h2>
      {citizen === undefined && (
        <button type="button" className="wide" onClick={() => void read()} disabled={reading}>
          {reading ? t('queue.reading') : t('queue.readCard')}
        </button>
      )}
      {citizen === null && <p className="notice">{t('queue.noCard')}</p>}
      {citizen && (
        <p className="citizen" data-senior={citizen.senior}>
          {t('queue.cardRead', { name: citizen.maskedName, id: citizen.maskedIdNumber })}
          {citizen.senior && <strong className="badge">{t('queue.senior')}</strong>}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="flow-actions">
        <label className="check">
          <input type="checkbox" checked={disability} onChange={(event) => setDisability(event.target.checked)} />
          {t('queue.disability')}
        </label>
        <button type="button" className="primary wide take" disabled={reading} onClick={() => onTake(disability)}>
          {t('queue.print')}
        </button>
      </div>
    </section>
  );
}
