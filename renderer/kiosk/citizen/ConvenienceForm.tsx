import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvenienceConfig, RequestReceipt, ServiceRequest } from '../../../main/contract/convenience';
import { useHost } from '../../client/hostContext';
import { localized } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Keypad } from '../../ui/Keypad';
import { isMobileNumber, PhoneKeypad } from '../../ui/PhoneKeypad';
import { useRpcAction } from '../../ui/useRpcAction';
import { useVoicePrompt } from '../access/KioskAccess';
import { useChoicePage } from '../access/useChoicePage';

export type RequestKind = ServiceRequest['kind'];
type Question = 'reason' | 'topic' | 'district' | 'street' | 'building' | 'phone';

/** One question per screen, in this order: a choice moves on by itself, a typed answer with "next". */
const questions: Record<RequestKind, readonly Question[]> = {
  'mail-delivery': ['district', 'street', 'building', 'phone'],
  'home-visit': ['reason', 'district', 'street', 'phone'],
  complaint: ['topic', 'district', 'street', 'phone'],
};

/** Each question's name, as the screen shows and says it. */
const questionNames: Record<Question, string> = {
  reason: 'convenience.reason',
  topic: 'convenience.topic',
  district: 'convenience.district',
  street: 'convenience.street',
  building: 'convenience.buildingName',
  phone: 'appointments.phone',
};

/** Digits and a dash on screen: building-room numbers (12-301) and application numbers take one. */
const numberKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '0', 'back'];

/** A number with a dash typed on the keypad: a building and room, or an application's reference. */
export function NumberKeypad({ value, onChange, label }: { value: string; onChange: (value: string) => void; label: string }) {
  return <Keypad name="number" value={value} onChange={onChange} label={label} placeholder={label} keys={numberKeys} maxLength={20} />;
}

/** A question's choices, labelled on screen and to a screen reader by the question. */
function Choices({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="service-list" role="group" aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}

/**
 * A request for the hall to dispatch (delivery by mail, a home visit, a 12345
 * request), asked one question per screen so that no screen holds more than
 * one thing to decide; back goes to the question before.
 */
export function ConvenienceForm({
  kind,
  options,
  onSent,
  onLeave,
}: {
  kind: RequestKind;
  options: ConvenienceConfig;
  onSent: (receipt: RequestReceipt & { printed: boolean }) => void;
  onLeave: () => void;
}) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [at, setAt] = useState(0);
  const [choice, setChoice] = useState<string | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  const [street, setStreet] = useState<number | null>(null);
  const [building, setBuilding] = useState('');
  const [phone, setPhone] = useState('');
  const { error, run } = useRpcAction();
  const asked = questions[kind];
  const question = asked[at]!;
  const districtEntry = options.districts.find((candidate) => candidate.id === district);
  const topicPage = useChoicePage(options.complaintTopics);
  const districtPage = useChoicePage(options.districts);
  const streetPage = useChoicePage(districtEntry?.streets.map((name, index) => ({ name, index })) ?? []);
  const questionText = t('convenience.question', {
    current: at + 1,
    total: asked.length,
    name: t(questionNames[question]),
  });
  useVoicePrompt(questionText);
  const next = () => setAt((current) => current + 1);
  const back = () => (at === 0 ? onLeave() : setAt(at - 1));

  const request = (): ServiceRequest => {
    const place = { district: district!, street: street!, phone };
    if (kind === 'mail-delivery') return { kind, ...place, building };
    if (kind === 'home-visit') return { kind, ...place, reason: choice as 'elderly' | 'disabled' };
    return { kind, ...place, topic: choice! };
  };
  const actions = (primary: ReactNode) => (
    <div className="choice-row">
      {primary}
      <button type="button" data-keypad-back onClick={back}>
        {t('queue.back')}
      </button>
    </div>
  );
  const choiceButton = (key: string, label: string, pressed: boolean, choose: () => void, data: Record<string, string>) => (
    <button type="button" key={key} aria-pressed={pressed} onClick={() => (choose(), next())} {...data}>
      <span className="name">{label}</span>
    </button>
  );

  return (
    <section className="lookup-ask convenience-form" aria-labelledby="form-heading">
      <h2 id="form-heading">{t(`convenience.${kind}.name`)}</h2>
      <p className="group-label" id="form-question" data-testid="form-question">
        {questionText}
      </p>
      {error && <ErrorNotice error={error} />}
      {question === 'reason' && (
        <Choices labelledBy="form-question">
          {(['elderly', 'disabled'] as const).map((reason) =>
            choiceButton(reason, t(`convenience.reasons.${reason}`), choice === reason, () => setChoice(reason), { 'data-reason': reason }),
          )}
        </Choices>
      )}
      {question === 'topic' && (
        <Choices labelledBy="form-question">
          {topicPage.shown.map((topic) =>
            choiceButton(topic.id, localized(topic.name, i18n.language), choice === topic.id, () => setChoice(topic.id), {
              'data-topic': topic.id,
            }),
          )}
          {topicPage.more}
        </Choices>
      )}
      {question === 'district' && (
        <Choices labelledBy="form-question">
          {districtPage.shown.map((candidate) =>
            choiceButton(
              candidate.id,
              localized(candidate.name, i18n.language),
              district === candidate.id,
              () => (setDistrict(candidate.id), setStreet(null)),
              { 'data-district': candidate.id },
            ),
          )}
          {districtPage.more}
        </Choices>
      )}
      {question === 'street' && (
        <Choices labelledBy="form-question">
          {streetPage.shown.map(({ name, index }) =>
            choiceButton(name.en, localized(name, i18n.language), street === index, () => setStreet(index), {
              'data-street': String(index),
            }),
          )}
          {streetPage.more}
        </Choices>
      )}
      {question === 'building' && (
        <div className="typed-answer">
          <NumberKeypad value={building} onChange={setBuilding} label={t('convenience.building')} />
          {actions(
            <button type="button" className="primary" disabled={!/^\d{1,4}-\d{1,4}$/.test(building)} onClick={next}>
              {t('convenience.next')}
            </button>,
          )}
        </div>
      )}
      {question === 'phone' && (
        <div className="typed-answer">
          <PhoneKeypad value={phone} onChange={setPhone} />
          {actions(
            <button
              type="button"
              className="primary"
              disabled={!isMobileNumber(phone)}
              onClick={() => void run(async () => onSent(await host.call('convenience.submit', { request: request() })))}
            >
              {t('convenience.submit')}
            </button>,
          )}
        </div>
      )}
      {question !== 'building' && question !== 'phone' && actions(null)}
    </section>
  );
}
