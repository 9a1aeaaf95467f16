import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskHelp } from '../../../main/contract/help';
import { useHost, useRpcQuery } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRpcAction } from '../../ui/useRpcAction';
import './help.css';

/**
 * "呼叫工作人员" on every kiosk screen: tells the hall which kiosk and which
 * screen, then shows live whether a clerk is coming (from which window), or
 * that nobody could be reached.
 */
export function HelpCall({ screen }: { screen: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const { data: mine } = useRpcQuery('help.mine', {}, ['help.changed']);
  const [asked, setAsked] = useState(false);
  /** The acknowledged call whose news the citizen has seen and put away. */
  const [seen, setSeen] = useState<string | null>(null);
  const [answer, setAnswer] = useState<KioskHelp | 'calling'>();
  const { error, run } = useRpcAction();
  // The hall's word on the call wins over the answer to calling, except "unreachable", which stays until tried again.
  const help = answer === 'calling' || answer?.state === 'unreachable' ? answer : mine;
  const coming = mine?.state === 'called' && mine.call.status === 'coming' ? mine.call : null;
  // A clerk acknowledged while the dialog was put away: it opens again with the news.
  const open = asked || (coming !== null && seen !== coming.id);
  const setOpen = (value: boolean) => {
    setAsked(value);
    if (!value && coming) setSeen(coming.id);
  };

  const call = () => {
    setOpen(true);
    setAnswer('calling');
    return run(
      async () => setAnswer(await host.call('help.call', { screen })),
      () => setAnswer(undefined),
    );
  };
  const close = async () => {
    setOpen(false);
    setAnswer(undefined);
    await host.call('help.close', {}).catch(() => undefined);
  };

  const called = mine?.state === 'called';
  const label = coming ? t('help.buttonComing') : called ? t('help.buttonWaiting') : t('help.button');
  let message = t('help.calling');
  if (help !== 'calling' && help?.state === 'unreachable') message = t('help.unreachable');
  else if (coming)
    message = coming.acknowledgedBy?.window ? t('help.comingFrom', { number: coming.acknowledgedBy.window }) : t('help.coming');
  else if (called) message = t('help.waiting');

  return (
    <div className="help-bar">
      <button
        type="button"
        className="help-button"
        // The keypad's help key brings focus here: one more Enter calls a person.
        data-keypad-help
        data-help-state={coming ? 'coming' : called ? 'waiting' : 'none'}
        onClick={() => (called ? setOpen(true) : void call())}
      >
        {label}
      </button>
      {open && (
        <div className="dialog-backdrop">
          <div
            className="dialog help-dialog"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="help-title"
            aria-describedby="help-message"
          >
            <h2 id="help-title">{coming ? t('help.coming') : t('help.title')}</h2>
            <p id="help-message" role="status" data-testid="help-status">
              {message}
            </p>
            {error && <ErrorNotice error={error} />}
            <div className="help-actions">
              {help !== 'calling' && help?.state === 'unreachable' && (
                <button type="button" className="primary" onClick={() => void call()}>
                  {t('help.retry')}
                </button>
              )}
              {called && (
                <button type="button" className={coming ? 'primary' : undefined} onClick={() => void close()}>
                  {coming ? t('help.helped') : t('help.cancel')}
                </button>
              )}
              <button type="button" autoFocus onClick={() => setOpen(false)}>
                {called ? t('help.keepWaiting') : t('kiosk.close')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
