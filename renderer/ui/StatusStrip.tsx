import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../client/hostContext';
import { deviceLine } from './deviceLine';

const setupHoldMs = 3000;

/**
 * The strip at the bottom of every screen: hall link and device status, so a
 * kiosk says what is wrong before a citizen starts. Holding the terminal ID
 * for three seconds opens setup: a technician's way in without a keyboard.
 */
export function StatusStrip({ terminalId }: { terminalId: string }) {
  const { t } = useTranslation();
  const { data: status } = useRpcQuery('status.get', {}, ['status.changed']);
  const holdTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const startHold = () => {
    holdTimer.current = setTimeout(() => {
      window.location.hash = '#/setup';
    }, setupHoldMs);
  };
  const endHold = () => clearTimeout(holdTimer.current);

  return (
    <div className="status-strip" role="status">
      {status && (
        <>
          <span data-testid="hall-status">
            <span className={`dot ${status.hall.state}`} aria-hidden="true" />
            {t(`status.hall.${status.hall.state}`)}
          </span>
          {status.hall.backlog > 0 && <span data-testid="sync-backlog">{t('status.hall.backlog', { count: status.hall.backlog })}</span>}
          {status.devices.map((device) => (
            <span key={device.role}>
              <span className={`dot ${device.state}`} aria-hidden="true" />
              {deviceLine(t, device)}
            </span>
          ))}
        </>
      )}
      <span className="terminal" onPointerDown={startHold} onPointerUp={endHold} onPointerLeave={endHold}>
        {t('status.terminal', { id: terminalId })}
      </span>
    </div>
  );
}
