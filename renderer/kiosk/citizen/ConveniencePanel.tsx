import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress, RequestReceipt, ServiceRequest } from '../../../main/contract/convenience';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Keypad } from '../../ui/Keypad';
import { useRpcAction } from '../../ui/useRpcAction';
import { isMobileNumber, PhoneKeypad } from '../../ui/PhoneKeypad';
import { useChoicePage } from '../access/useChoicePage';

type Form = 'mail-delivery' | 'home-visit' | 'complaint' | 'progress' | null;
/** Digits and a dash on screen: application numbers and building-room numbers (12-301) take one. */
const numberKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', 'back'];

/** A group of choices that says on screen what it is for (诉求类别, 所在区…), and to a screen reader. */
function ChoiceGroup({ name, children }: { name: 'reason' | 'topic' | 'district' | 'street'; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="group-label" id={`convenience-${name}`}>
        {t(`convenience.${name}`)}
      </p>
      <div className="choice-row" role="group" aria-labelledby={`convenience-${name}`}>
        {children}
      </div>
    </>
  );
}

/** The menu, the service guide last (it leaves for the catalogue). */
const menu = ['mail-delivery', 'home-visit', 'complaint', 'progress', 'guide'] as const;

/** The five convenience services: delivery by mail, a home visit, the service guide, a 12345 request, the progress of an application. */
export function ConveniencePanel({ onGuide }: { onGuide: () => void }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: options } = useRpcQuery('convenience.options', {}, ['hallServices.changed']);
  const [form, setForm] = useState<Form>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [street, setStreet] = useState<number | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [receipt, setReceipt] = useState<(RequestReceipt & { printed: boolean }) | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const { error, run: act, clear } = useRpcAction();
  const districtEntry = options?.districts.find((candidate) => candidate.id === district);
  const menuPage = useChoicePage(menu);
  const topicPage = useChoicePage(options?.complaintTopics ?? []);
  const districtPage = useChoicePage(options?.districts ?? []);
  const streetPage = useChoicePage(districtEntry?.streets.map((name, index) => ({ name, index })) ?? []);
  const reset = () => {
    setForm(null);
    setDistrict(null);
    setStreet(null);
    setChoice(null);
    setNumber('');
    setPhone('');
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
        <Keypad
          name="number"
          value={number}
          onChange={setNumber}
          label={t('convenience.number')}
          placeholder={t('convenience.number')}
          keys={numberKeys}
          maxLength={20}
        />
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
  const ready =
    district !== null &&
    street !== null &&
    isMobileNumber(phone) &&
    (form === 'mail-delivery' ? /^\d{1,4}-\d{1,4}$/.test(number) : choice !== null);
  const request = (): ServiceRequest => {
    const place = { district: district!, street: street!, phone };
    if (form === 'mail-delivery') return { kind: 'mail-delivery', ...place, building: number };
    if (form === 'home-visit') return { kind: 'home-visit', ...place, reason: choice as 'elderly' | 'disabled' };
    return { kind: 'complaint', ...place, topic: choice! };
  };
  return (
    <section className="lookup-ask" aria-labelledby="form-heading">
      <h2 id="form-heading">{t(`convenience.${form}.name`)}</h2>
      {form === 'home-visit' && (
        <ChoiceGroup name="reason">
          {(['elderly', 'disabled'] as const).map((reason) => (
            <button
              type="button"
              key={reason}
              aria-pressed={choice === reason}
              className={choice === reason ? 'primary' : undefined}
              onClick={() => setChoice(reason)}
            >
              {t(`convenience.reasons.${reason}`)}
            </button>
          ))}
        </ChoiceGroup>
      )}
      {form === 'complaint' && (
        <ChoiceGroup name="topic">
          {topicPage.shown.map((topic) => (
            <button
              type="button"
              key={topic.id}
              data-topic={topic.id}
              aria-pressed={choice === topic.id}
              className={choice === topic.id ? 'primary' : undefined}
              onClick={() => setChoice(topic.id)}
            >
              {localized(topic.name, i18n.language)}
            </button>
          ))}
          {topicPage.more}
        </ChoiceGroup>
      )}
      <ChoiceGroup name="district">
        {districtPage.shown.map((candidate) => (
          <button
            type="button"
            key={candidate.id}
            data-district={candidate.id}
            aria-pressed={district === candidate.id}
            className={district === candidate.id ? 'primary' : undefined}
            onClick={() => (setDistrict(candidate.id), setStreet(null))}
          >
            {localized(candidate.name, i18n.language)}
          </button>
        ))}
        {districtPage.more}
      </ChoiceGroup>
      {districtEntry && (
        <ChoiceGroup name="street">
          {streetPage.shown.map(({ name, index }) => (
            <button
              type="button"
              key={name.en}
              data-street={index}
              aria-pressed={street === index}
              className={street === index ? 'primary' : undefined}
              onClick={() => setStreet(index)}
            >
              {localized(name, i18n.language)}
            </button>
          ))}
          {streetPage.more}
        </ChoiceGroup>
      )}
      {form === 'mail-delivery' && (
        <Keypad
          name="number"
          value={number}
          onChange={setNumber}
          label={t('convenience.building')}
          placeholder={t('convenience.building')}
          keys={numberKeys}
          maxLength={20}
        />
      )}
      <PhoneKeypad value={phone} onChange={setPhone} />
      {error && <ErrorNotice error={error} />}
      <div className="choice-row">
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => void act(async () => setReceipt(await host.call('convenience.submit', { request: request() })))}
        >
          {t('convenience.submit')}
        </button>
        <button type="button" onClick={reset}>
          {t('queue.back')}
        </button>
      </div>
    </section>
  );
}
