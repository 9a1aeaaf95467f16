import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskAccess } from './KioskAccess';

/**
 * Before the idle timeout: a countdown, seen and heard (once, as it
 * appears, even with speech off: nobody should be cut off unwarned), and
 * "I need more time".
 */
export function IdleWarning({ secondsLeft, onMoreTime }: { secondsLeft: number; onMoreTime: () => void }) {
  const { t } = useTranslation();
  const { announce } = useKioskAccess();
  const [first] = useState(secondsLeft);
  const text = `${t('citizen.idleWarning', { count: first })} ${t('citizen.stay')}`;
  const announced = useRef(false);
  useEffect(() => {
    if (announced.current) return;
    announced.current = true;
    announce(text);
  }, [announce, text]);
  return (
    <div className="dialog-backdrop idle-warning">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-describedby="idle-message">
        <p id="idle-message">{t('citizen.idleWarning', { count: secondsLeft })}</p>
        <p className="idle-count" aria-hidden="true" data-testid="idle-count">
          {secondsLeft}
        </p>
        <button type="button" className="primary" autoFocus onClick={onMoreTime}>
          {t('citizen.stay')}
        </button>
      </div>
    </div>
  );
}
