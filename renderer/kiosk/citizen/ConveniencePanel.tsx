import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress, RequestReceipt } from '../../../main/contract/convenience';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import { useChoicePage } from '../access/useChoicePage';
import { ConvenienceForm, NumberKeypad, type RequestKind } from './ConvenienceForm';

type Form = RequestKind | 'progress' | null;

/** The menu, the service guide last (it leaves for the catalogue). */
const menu = ['mail-delivery', 'home-visit', 'complaint', 'progress', 'guide'] as const;

/** The five convenience services: delivery by mail, a home visit, the service guide, a 12345 request, the progress of an application. */
export function ConveniencePanel({ onGuide }: { onGuide: () => void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: options, error: optionsError } = useRpcQuery('convenience.options', {}, ['hallServices.changed']);
  const [form, setForm] = useState<Form>(null);
  const [number, setNumber] = useState('');
  const [receipt, setReceipt] = useState<(RequestReceipt & { printed: boolean }) | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const { error, run: act, clear } = useRpcAction();
  const menuPage = useChoicePage(menu);
  const reset = () => {
    setForm(null);
    setNumber('');
    setReceipt(null);
    setProgress(null);
    clear();
  };

  if (receipt) {
    return (
      <section className="appointment-booked" aria-live="polite">
        <p className="notice ok">{t('convenience.received', { department: localized(receipt.department, i18n.language) })}</p>
        <p className="code" data-testid="request-reference">
          {receipt.reference}
        </p>
        <p>{receipt.printed ? t('convenience.receiptPrinted') : t('appointments.receiptNotPrinted')}</p>
        <button type="button" className="wide" onClick={reset}>
          {t('appointments.done')}
        </button>
      </section>
    );
  }
  if (progress) {
    return (
      <section className="lookup-result" aria-live="polite">
        <h2>{localized(progress.title, i18n.language)}</h2>
        <ol className="progress-steps">
          {progress.steps.map((step) => (
            <li key={step.name.en} data-done={step.done}>
              {localized(step.name, i18n.language)} {step.at ? `(${step.at.slice(0, 16).replace('T', ' ')})` : ''}
            </li>
          ))}
        </ol>
        <button type="button" onClick={reset}>
          {t('lookups.back')}
        </button>
      </section>
    );
  }
  if (!form) {
    return (
      <section aria-labelledby="convenience-heading">
        <h2 id="convenience-heading">{t('convenience.title')}</h2>
        <div className="service-list">
          {menuPage.shown.map((kind) => (
            <button type="button" key={kind} data-convenience={kind} onClick={() => (kind === 'guide' ? onGuide() : setForm(kind))}>
              <span className="name">{t(`convenience.${kind}.name`)}</span>
              <span className="description">{t(`convenience.${kind}.description`)}</span>
            </button>
          ))}
          {menuPage.more}
        </div>
      </section>
    );
  }
  if (form === 'progress') {
    return (
      <section className="lookup-ask" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t('convenience.progress.name')}</h2>
        <NumberKeypad value={number} onChange={setNumber} label={t('convenience.number')} />
        {error && <ErrorNotice error={error} />}
        <div className="choice-row">
          <button
            type="button"
            className="primary"
            disabled={number.length < 6}
            onClick={() => void act(async () => setProgress(await host.call('convenience.progress', { number })))}
          >
            {t('convenience.check')}
          </button>
          <button type="button" onClick={reset}>
            {t('queue.back')}
          </button>
        </div>
      </section>
    );
  }
  if (!options) return optionsError ? <ErrorNotice error={optionsError} /> : null;
  return <ConvenienceForm kind={form} options={options} onSent={setReceipt} onLeave={reset} />;
}
