import { useTranslation } from 'react-i18next';
import { pauseReasonSchema, type CounterAction, type CounterState } from '../../main/contract/queue';
import { localized } from '../i18n/i18n';

type Transfer = Extract<CounterAction, { action: 'transfer' }>['to'];
type PauseReason = Extract<CounterAction, { action: 'pause' }>['reason'];

export function TransferDialog({
  state,
  onTransfer,
  onCancel,
}: {
  state: CounterState;
  onTransfer: (to: Transfer) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div className="dialog counter-dialog" role="dialog" aria-modal="true" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">{t('counter.transferTitle', { label: state.current?.label ?? '' })}</h2>
        <h3>{t('counter.toService')}</h3>
        <div className="choices">
          {state.allServices.map((service) => (
            <button type="button" key={service.code} data-service={service.code} onClick={() => onTransfer({ service: service.code })}>
              {t('queue.serviceLine', { code: service.code, name: localized(service.name, i18n.language) })}
            </button>
          ))}
        </div>
        <h3>{t('counter.toWindow')}</h3>
        <div className="choices">
          {state.otherWindows.map((window) => (
            <button type="button" key={window} data-window={window} onClick={() => onTransfer({ window })}>
              {t('counter.windowN', { number: window })}
            </button>
          ))}
        </div>
        <button type="button" onClick={onCancel}>
          {t('counter.cancel')}
        </button>
      </div>
    </div>
  );
}

export function PauseDialog({ onPause, onCancel }: { onPause: (reason: PauseReason) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-backdrop">
      <div className="dialog counter-dialog" role="dialog" aria-modal="true" aria-labelledby="pause-heading">
        <h2 id="pause-heading">{t('counter.choosePause')}</h2>
        <div className="choices">
          {pauseReasonSchema.options.map((reason) => (
            <button type="button" key={reason} data-reason={reason} onClick={() => onPause(reason)}>
              {t(`counter.pauseReason.${reason}`)}
            </button>
          ))}
        </div>
        <button type="button" onClick={onCancel}>
          {t('counter.cancel')}
        </button>
      </div>
    </div>
  );
}
