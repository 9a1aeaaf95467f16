import { useState } from 'react';
import { useRpcAction } from '../ui/useRpcAction';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../main/contract/errors';
import { deviceTestError, type DeviceTestResult } from '../../main/contract/deviceTest';
import { deviceTestText } from './deviceTestText';
import type { DeviceRole } from '../../main/contract/status';
import type { HallManagedField, TerminalInfo } from '../../main/contract/terminal';
import { useHost, useRpcQuery } from '../client/hostContext';
import { deviceLine } from '../ui/deviceLine';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { StatusStrip } from '../ui/StatusStrip';
import { useScans } from '../ui/useScans';
import { TopBar } from '../ui/TopBar';
import { PinPad } from './PinPad';
import './setup.css';

/** Technician setup, behind the PIN: the terminal's identity, its devices, and the catalogue. */
export function SetupHome({ terminal }: { terminal: TerminalInfo }) {
  const { t } = useTranslation();
  const host = useHost();
  const [setupToken, setSetupToken] = useState<string | null>(null);
  const { busy, error, run } = useRpcAction();
  const [reloaded, setReloaded] = useState<number | null>(null);
  const unlock = (pin: string) =>
    run(async () => {
      setSetupToken((await host.call('setup.unlock', { pin })).setupToken);
    });
  const reload = () =>
    run(async () => {
      if (setupToken) setReloaded((await host.call('catalogue.reload', { setupToken })).categories);
    });

  return (
    <div className="screen setup">
      <TopBar title={t('setup.title')}>
        <LanguageSwitch />
        <button type="button" onClick={() => (window.location.hash = `#/${terminal.role}`)}>
          {t('setup.back')}
        </button>
      </TopBar>
      <main>
        {error && (
          <div>
            <ErrorNotice error={error} />
            <p className="detail">{error.message}</p>
          </div>
        )}
        {setupToken === null ? (
          <section>
            <PinPad onSubmit={(pin) => void unlock(pin)} busy={busy} />
          </section>
        ) : (
          <>
            <TerminalFacts terminal={terminal} />
            <DeviceList setupToken={setupToken} />
            <DeviceReportButton setupToken={setupToken} />
            <section aria-labelledby="catalogue-heading">
              <h2 id="catalogue-heading">{t('setup.catalogue')}</h2>
              <button type="button" className="primary" disabled={busy} onClick={() => void reload()}>
                {t('setup.reload')}
              </button>
              {reloaded !== null && <p role="status">{t('setup.reloaded', { count: reloaded })}</p>}
            </section>
            <PairScreen setupToken={setupToken} />
          </>
        )}
      </main>
      <StatusStrip terminalId={terminal.terminalId} />
    </div>
  );
}

/** Prints the device report for the machine's log book on the receipt printer. */
function DeviceReportButton({ setupToken }: { setupToken: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const [outcome, setOutcome] = useState<string | null>(null);
  const print = async () => {
    const result = await host.call('devices.report', { setupToken }).catch((error: RpcError) => ({ printProblem: error.message }));
    setOutcome(result.printProblem === null ? t('setup.reportPrinted') : t('setup.reportFailed', { problem: result.printProblem }));
  };
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">{t('setup.reportTitle')}</h2>
      <button type="button" onClick={() => void print()}>
        {t('setup.reportButton')}
      </button>
      {outcome && <p role="status">{outcome}</p>}
    </section>
  );
}

/** Lets a technician pair a screen the terminal did not open itself: the code is shown here, typed there. */
function PairScreen({ setupToken }: { setupToken: string }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const { error, run } = useRpcAction();
  const show = () => run(async () => setPairing(await host.call('setup.pairingCode', { setupToken })));
  const time = pairing && new Date(pairing.expiresAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section aria-labelledby="pair-heading">
      <h2 id="pair-heading">{t('setup.pairTitle')}</h2>
      <p>{t('setup.pairExplain')}</p>
      <button type="button" onClick={() => void show()}>
        {t('setup.pairButton')}
      </button>
      {error && <ErrorNotice error={error} />}
      {pairing && (
        <p role="status" className="pairing-code" data-testid="pairing-code" data-code={pairing.code}>
          {t('setup.pairCode', { code: pairing.code, time })}
        </p>
      )}
    </section>
  );
}

/**
 * Who the terminal is, read-only: the settings the hall set are marked as the
 * hall's, since they are changed at the hall's operations page, not here.
 */
function TerminalFacts({ terminal }: { terminal: TerminalInfo }) {
  const { t } = useTranslation();
  const facts: [string, string, HallManagedField | null][] = [
    ['terminalId', terminal.terminalId, null],
    ['hallId', terminal.hallId, null],
    ['role', t(`role.${terminal.role}`), null],
    ['windowNumber', terminal.windowNumber === null ? t('setup.none') : String(terminal.windowNumber), null],
    ['locale', terminal.locale, 'locale'],
    ['idleTimeout', t('setup.seconds', { count: terminal.idleTimeoutSeconds }), 'idleTimeoutSeconds'],
    ['services', terminal.enabledServices.join(', ') || t('setup.none'), 'enabledServices'],
    ['speechVolume', terminal.speechVolume === undefined ? t('setup.none') : `${Math.round(terminal.speechVolume * 100)}%`, 'speechVolume'],
    ['upstream', terminal.upstream, null],
  ];
  const byHall = (field: HallManagedField | null) => field !== null && terminal.hallManaged.includes(field);
  return (
    <section aria-labelledby="terminal-heading">
      <h2 id="terminal-heading">{t('setup.terminal')}</h2>
      <dl>
        {facts.map(([key, value, field]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{t(`setup.field.${key}`)}</dt>
            <dd data-fact={key} data-hall-managed={byHall(field) || undefined}>
              {value}
              {byHall(field) && <span className="hall-managed">{t('setup.hallManaged')}</span>}
            </dd>
          </div>
        ))}
      </dl>
      {terminal.hallManaged.length > 0 && (
        <p className="detail" data-testid="hall-managed-note">
          {t('setup.hallManagedNote', { version: terminal.hallConfigVersion ?? '—' })}
        </p>
      )}
    </section>
  );
}

function DeviceList({ setupToken }: { setupToken: string }) {
  const { t } = useTranslation();
  const host = useHost();
  const { data: status } = useRpcQuery('status.get', {}, ['status.changed']);
  const [lastScan, setLastScan] = useState<string | null>(null);
  useScans(setLastScan);
  const [results, setResults] = useState<Partial<Record<DeviceRole, DeviceTestResult | 'testing'>>>({});
  const runTest = async (role: DeviceRole) => {
    setResults((current) => ({ ...current, [role]: 'testing' }));
    const result = await host.call('devices.test', { setupToken, role }).catch((error: RpcError) => deviceTestError(error.message));
    setResults((current) => ({ ...current, [role]: result }));
  };
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('setup.devices')}</h2>
      {status?.devices.length === 0 && <p>{t('setup.noDevices')}</p>}
      <ul className="device-list plain-list">
        {status?.devices.map((device) => {
          const result = results[device.role];
          return (
            <li key={device.role} data-device={device.role}>
              <span className="device-state">
                <span className={`dot ${device.state}`} aria-hidden="true" />
                {deviceLine(t, device)}
              </span>
              <button type="button" disabled={result === 'testing'} onClick={() => void runTest(device.role)}>
                {t('setup.test')}
              </button>
              {device.role === 'scanner' && lastScan && (
                <span className="test-result" data-testid="last-scan">
                  {t('setup.lastScan', { code: lastScan })}
                </span>
              )}
              {result && (
                <span className="test-result" role="status">
                  {result === 'testing' ? t('setup.testing') : deviceTestText(t, result)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
