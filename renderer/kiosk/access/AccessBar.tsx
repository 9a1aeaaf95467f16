import { useTranslation } from 'react-i18next';
import { useKioskAccess } from './KioskAccess';

/** On every kiosk screen: elder mode, repeat the guidance, volume, mute (all for this citizen only). */
export function AccessBar() {
  const { t } = useTranslation();
  const access = useKioskAccess();
  return (
    <nav className="access-bar" aria-label={t('access.bar')}>
      <button type="button" className="elder-toggle" aria-pressed={access.elder} onClick={() => access.setElder(!access.elder)}>
        {t('access.elder')}
      </button>
      <button type="button" title={t('access.repeatLabel')} data-speaker onClick={access.repeat}>
        {t('access.repeat')}
      </button>
      <button type="button" title={t('access.volumeDownLabel')} onClick={() => access.changeVolume(-1)}>
        {t('access.volumeDown')}
      </button>
      <button type="button" title={t('access.volumeUpLabel')} onClick={() => access.changeVolume(1)}>
        {t('access.volumeUp')}
      </button>
      <button type="button" aria-pressed={access.muted} data-mute onClick={() => access.setMuted(!access.muted)}>
        {access.muted ? t('access.unmute') : t('access.mute')}
      </button>
    </nav>
  );
}
