import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ratingSchema, type Rating } from '../../main/contract/queue';
import type { TerminalInfo } from '../../main/contract/terminal';
import { useHost, useRpcQuery } from '../client/hostContext';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { TopBar } from '../ui/TopBar';
import { useRpcAction } from '../ui/useRpcAction';
import './evaluation.css';

const scores = [5, 4, 3, 2, 1] as const;
const reasons = ratingSchema.shape.reasons.element.options;

/** A face drawn for a score (no emoji font is needed): the mouth curves up for 5, down for 1. */
function Face({ score }: { score: number }) {
  const curve = (score - 3) * 7;
  return (
    <svg className="face" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="4" />
      <circle cx="22" cy="25" r="4" fill="currentColor" />
      <circle cx="42" cy="25" r="4" fill="currentColor" />
      <path
        d={`M18 ${44 - curve / 2} Q32 ${44 + curve} 46 ${44 - curve / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="4"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The rating of one finished ticket: five levels, optional reasons. */
function RateTicket({ request, onRated }: { request: { ticketId: string; label: string; window: number }; onRated: () => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [score, setScore] = useState<Rating['score'] | null>(null);
  const [chosen, setChosen] = useState<Rating['reasons']>([]);
  const { error, run } = useRpcAction();
  const submit = (score: Rating['score']) =>
    run(async () => {
      await host.call('evaluation.submit', { ticketId: request.ticketId, score, reasons: chosen });
      onRated();
    });
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('evaluation.title')}</h2>
      <p className="which">{t('evaluation.ticket', { label: request.label, window: request.window })}</p>
      <div className="scores" role="radiogroup" aria-labelledby="evaluation-heading">
        {scores.map((value) => (
          <button
            type="button"
            role="radio"
            aria-checked={score === value}
            key={value}
            data-score={value}
            className={score === value ? 'chosen' : undefined}
            onClick={() => setScore(value)}
          >
            <Face score={value} />
            {t(`evaluation.score.${value}`)}
          </button>
        ))}
      </div>
      <h3>{t('evaluation.reasonsTitle')}</h3>
      <div className="reasons">
        {reasons.map((reason) => (
          <button
            type="button"
            key={reason}
            aria-pressed={chosen.includes(reason)}
            className={chosen.includes(reason) ? 'chosen' : undefined}
            onClick={() => setChosen((now) => (now.includes(reason) ? now.filter((item) => item !== reason) : [...now, reason]))}
          >
            {t(`evaluation.reason.${reason}`)}
          </button>
        ))}
      </div>
      {error && <ErrorNotice error={error} />}
      <button type="button" className="primary submit" disabled={score === null} onClick={() => score !== null && void submit(score)}>
        {t('evaluation.submit')}
      </button>
    </section>
  );
}

/**
 * The citizen-facing screen at a counter (好差评): after the clerk finishes a
 * ticket, five levels and optional reasons; then thanks, then the welcome.
 * A second window in Electron, the #/evaluate route in browser mode.
 */
export function EvaluationScreen({ terminal }: { terminal: TerminalInfo }) {
  const { t } = useTranslation();
  // Told when the clerk finishes; asked again every few seconds too, so a request sent while this screen's
  // live socket was (re)connecting still reaches the citizen (CI once missed one so).
  const { data, reload } = useRpcQuery('evaluation.pending', {}, ['evaluation.requested'], 3000);
  const [thankedFor, setThankedFor] = useState<string | null>(null);
  const request = data?.request ?? null;
  useEffect(() => {
    if (thankedFor === null) return;
    const timer = setTimeout(() => setThankedFor(null), 5000);
    return () => clearTimeout(timer);
  }, [thankedFor]);

  const thanked = thankedFor !== null && request === null;
  return (
    <div className="screen evaluation">
      <TopBar title={t('evaluation.welcome', { window: terminal.windowNumber })}>
        <LanguageSwitch />
      </TopBar>
      <main>
        {thanked && (
          <p className="thanks" role="status">
            {t('evaluation.thanks')}
          </p>
        )}
        {!thanked && !request && <p className="idle">{t('evaluation.welcome', { window: terminal.windowNumber })}</p>}
        {request && (
          <RateTicket
            key={request.ticketId}
            request={request}
            onRated={() => {
              setThankedFor(request.ticketId);
              reload();
            }}
          />
        )}
      </main>
    </div>
  );
}
