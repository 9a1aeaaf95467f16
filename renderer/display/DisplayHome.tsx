import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../main/contract/queue';
import type { TerminalInfo } from '../../main/contract/terminal';
import { useHost, useRpcQuery } from '../client/hostContext';
import { localized } from '../i18n/i18n';
import { Clock } from '../ui/Clock';
import { StatusStrip } from '../ui/StatusStrip';
import { TopBar } from '../ui/TopBar';
import { AnnouncementQueue, newCalls } from './announcements';
import { allowSound, chime, soundAllowed, speak, type SpokenBy } from './voice';
import './display.css';

/** How often the board re-reads even without events: the fallback when the event socket is down. */
const pollMs = 5000;

/** The hall board (1920×1080 TV), readable from across the hall: now calling, the last calls, who waits; calls announced. */
export function DisplayHome({ terminal }: { terminal: TerminalInfo }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { data: board } = useRpcQuery('queue.board', {}, ['queue.changed'], pollMs);
  const [spoken, setSpoken] = useState('');
  /** How the last announcement sounded (browser voice, the host's speech, or silent): for technicians. */
  const [spokenBy, setSpokenBy] = useState<SpokenBy>();
  const [sound, setSound] = useState(soundAllowed);
  const seen = useRef<Set<string> | null>(null);
  const languages = terminal.announcementLanguages;
  const queue = useMemo(
    () =>
      new AnnouncementQueue(async (call: Call) => {
        await chime();
        for (const locale of languages) {
          const text = i18n.getFixedT(locale)('display.announcement', { label: call.label, window: call.window });
          setSpoken(text);
          setSpokenBy(
            await speak(
              text,
              locale,
              async (words, language) => (await host.call('voice.synthesize', { text: words, locale: language })).wav,
            ),
          );
        }
      }),
    [i18n, languages, host],
  );

  useEffect(() => {
    if (!board) return;
    const first = seen.current === null;
    seen.current ??= new Set();
    for (const call of newCalls(seen.current, board.calls, first)) void queue.enqueue(call);
  }, [board, queue]);

  const [now, ...recent] = board?.calls ?? [];
  return (
    <div className="screen display">
      <TopBar title={board?.hallName ? localized(board.hallName, i18n.language) : t('app.title')}>
        {!sound && (
          <button type="button" onClick={() => void allowSound().then(() => setSound(soundAllowed()))}>
            {t('display.enableSound')}
          </button>
        )}
        <Clock />
      </TopBar>
      <main>
        <section className="calling" aria-labelledby="calling-heading">
          <h2 id="calling-heading">{t('display.nowCalling')}</h2>
          {now ? (
            <p className="now-calling" data-testid="now-calling" key={`${now.ticketId}:${now.calledAt}`}>
              <span className="label">{now.label}</span>
              <span className="window">{t('display.toWindow', { window: now.window })}</span>
            </p>
          ) : (
            <p className="now-calling none">{t('display.none')}</p>
          )}
          <h2 id="recent-heading">{t('display.recent')}</h2>
          {recent.length === 0 ? (
            <p className="recent">{t('display.noneRecent')}</p>
          ) : (
            <ol className="recent-calls plain-list" aria-labelledby="recent-heading">
              {recent.map((call) => (
                <li key={`${call.ticketId}:${call.calledAt}`}>
                  <span className="label">{call.label}</span>{' '}
                  <span className="window">{t('display.toWindow', { window: call.window })}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="waiting" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">{t('display.waiting')}</h2>
          <table>
            <tbody>
              {board?.waiting.map((service) => (
                <tr key={service.code} data-service={service.code}>
                  <th scope="row">
                    {service.code} {localized(service.name, i18n.language)}
                  </th>
                  <td>{t('display.waitingCount', { count: service.count })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {board?.pausedWindows.map((paused) => (
            <p className="paused" key={paused.window}>
              {t('display.paused', { window: paused.window })}
            </p>
          ))}
        </section>
        <p className="visually-hidden" aria-live="assertive" data-testid="announcement" data-spoken-by={spokenBy}>
          {spoken}
        </p>
      </main>
      <StatusStrip terminalId={terminal.terminalId} />
    </div>
  );
}
