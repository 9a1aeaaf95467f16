import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost, useRpcQuery } from '../client/hostContext';
import { chime } from '../display/voice';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useRpcAction } from '../ui/useRpcAction';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/**
 * The kiosks' open help calls, above everything else on the clerk's screen,
 * with a chime for each new one; "I'm going" tells the kiosk who is coming.
 */
export function HelpCalls() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  // The host announces its own acknowledgement as help.changed too, so the list re-reads after "I'm going".
  const { data } = useRpcQuery('help.calls', {}, ['help.changed']);
  const calls = useMemo(() => data?.calls ?? [], [data]);
  const { error, run } = useRpcAction();
  const heard = useRef(new Set<string>());
  useEffect(() => {
    const fresh = calls.filter((call) => call.status === 'waiting' && !heard.current.has(call.id));
    fresh.forEach((call) => heard.current.add(call.id));
    if (fresh.length > 0) void chime().catch(() => undefined);
  }, [calls]);

  if (calls.length === 0) return null;
  const screenName = (screen: string) => (i18n.exists(`help.screens.${screen}`) ? t(`help.screens.${screen}`) : screen);
  const acknowledge = (id: string) =>
    run(async () => {
      await host.call('help.acknowledge', { id });
    });
  return (
    <section className="help-calls" role="alert" aria-labelledby="help-calls-heading" data-testid="help-calls">
      <h2 id="help-calls-heading">{t('help.counterTitle', { count: calls.length })}</h2>
      {error && <ErrorNotice error={error} />}
      <ul className="plain-list">
        {calls.map((call) => (
          <li key={call.id} data-help-call={call.terminalId} data-status={call.status}>
            <span className="help-line">{t('help.counterLine', { terminal: call.terminalId, screen: screenName(call.screen) })}</span>
            <span className="time">{t('help.raisedAt', { time: timeOf(call.raisedAt) })}</span>
            {call.status === 'waiting' ? (
              <button type="button" className="primary" onClick={() => void acknowledge(call.id)}>
                {t('help.acknowledge')}
              </button>
            ) : (
              <span className="badge">{t('help.acknowledgedBy', { number: call.acknowledgedBy?.window ?? '—' })}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
