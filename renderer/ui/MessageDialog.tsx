import { useTranslation } from 'react-i18next';

export function MessageDialog({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-describedby="dialog-message">
        <p id="dialog-message">{message}</p>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('kiosk.close')}
        </button>
      </div>
    </div>
  );
}
