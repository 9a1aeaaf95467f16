import { useTranslation } from 'react-i18next';
import { useVoicePrompt } from './KioskAccess';

/** Asked at once when the ID card says 60 or over: turn elder mode on? */
export function ElderOffer({ onAnswer }: { onAnswer: (accept: boolean) => void }) {
  const { t } = useTranslation();
  useVoicePrompt(t('access.elderOffer'));
  return (
    <div className="dialog-backdrop elder-offer kiosk">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="elder-offer-text">
        <p id="elder-offer-text">{t('access.elderOffer')}</p>
        <div className="choice-row">
          <button type="button" className="primary" autoFocus data-elder-accept onClick={() => onAnswer(true)}>
            {t('access.elderAccept')}
          </button>
          <button type="button" data-keypad-back onClick={() => onAnswer(false)}>
            {t('access.elderDecline')}
          </button>
        </div>
      </div>
    </div>
  );
}
