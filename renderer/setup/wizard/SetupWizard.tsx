import { useState } from 'react';
import { useRpcAction } from '../../ui/useRpcAction';
import type { RpcError } from '../../../main/contract/errors';
import { useTranslation } from 'react-i18next';
import type { WizardBinding, WizardDiscovery, WizardJoined } from '../../../main/contract/setupWizard';
import { deviceTestError, type DeviceTestResult } from '../../../main/contract/deviceTest';
import { deviceTestText } from '../deviceTestText';
import type { DeviceRole } from '../../../main/contract/status';
import type { Locale } from '../../../main/contract/terminal';
import { useHost } from '../../client/hostContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Keypad } from '../../ui/Keypad';
import { TopBar } from '../../ui/TopBar';
import { useScans } from '../../ui/useScans';
import '../setup.css';
import './wizard.css';
import { JoinStep } from './JoinStep';
import { subnetKeys } from './wizardKeys';

type Step = 'language' | 'join' | 'confirm' | 'devices' | 'done';
const steps: readonly Step[] = ['language', 'join', 'confirm', 'devices', 'done'];

const roles: readonly DeviceRole[] = ['idCardReader', 'receiptPrinter', 'documentPrinter', 'ledDisplay', 'scanner'];

type TestResult = DeviceTestResult | 'testing';

/**
 * A terminal's first start, touch only: language, join the hall (its QR code
 * scanned, or its address and code typed), confirm what the hall assigned,
 * find, try and choose the devices, done.
 */
export function SetupWizard() {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const [step, setStep] = useState<Step>('language');
  const { busy, error, run } = useRpcAction();
  const [joined, setJoined] = useState<WizardJoined | null>(null);
  const join = (payload: string) =>
    run(async () => {
      setJoined(await host.call('wizard.join', { payload }));
      setStep('confirm');
    });
  useScans((code) => step === 'join' && void join(code));

  return (
    <div className="screen setup wizard" data-step={step}>
      <TopBar title={t('wizard.title')}>
        <ol className="wizard-steps plain-list" aria-label={t('wizard.progress')}>
          {steps.map((name) => (
            <li key={name} aria-current={name === step ? 'step' : undefined}>
              {t(`wizard.step.${name}`)}
            </li>
          ))}
        </ol>
      </TopBar>
      <main>
        {error && (
          <div>
            <ErrorNotice error={error} />
            <p className="detail">{error.message}</p>
          </div>
        )}
        {step === 'language' && (
          <section aria-labelledby="wizard-heading">
            <h2 id="wizard-heading">{t('wizard.chooseLanguage')}</h2>
            <div className="wizard-choices">
              {(['zh-CN', 'en'] as const).map((locale) => (
                <button
                  key={locale}
                  type="button"
                  className="primary"
                  lang={locale}
                  onClick={() => void i18n.changeLanguage(locale).then(() => setStep('join'))}
                >
                  {t('wizard.languageName', { lng: locale })}
                </button>
              ))}
            </div>
          </section>
        )}
        {step === 'join' && <JoinStep busy={busy} onJoin={(payload) => void join(payload)} />}
        {step === 'confirm' && joined && (
          <section aria-labelledby="wizard-heading">
            <h2 id="wizard-heading">{t('wizard.assigned')}</h2>
            <dl>
              <dt>{t('setup.field.terminalId')}</dt>
              <dd data-testid="assigned-id">{joined.terminalId}</dd>
              <dt>{t('setup.field.role')}</dt>
              <dd>{t(`role.${joined.role}`)}</dd>
              <dt>{t('setup.field.windowNumber')}</dt>
              <dd>{joined.window ?? t('setup.none')}</dd>
              <dt>{t('setup.field.upstream')}</dt>
              <dd>{joined.hall}</dd>
            </dl>
            <button type="button" className="primary" onClick={() => setStep('devices')}>
              {t('wizard.confirm')}
            </button>
          </section>
        )}
        {step === 'devices' && (
          <DevicesStep
            busy={busy}
            onFinish={(bindings) =>
              void run(async () => {
                await host.call('wizard.finish', { locale: i18n.language as Locale, bindings });
                setStep('done');
              })
            }
          />
        )}
        {step === 'done' && joined && (
          <section aria-labelledby="wizard-heading">
            <h2 id="wizard-heading">{t('wizard.done')}</h2>
            <p>{t('wizard.doneExplain', { id: joined.terminalId })}</p>
            <button
              type="button"
              className="primary"
              onClick={() => {
                window.location.hash = `#/${joined.role}`;
                window.location.reload();
              }}
            >
              {t('wizard.start')}
            </button>
          </section>
        )}
      </main>
    </div>
  );
}

/** Finds what is attached, proposes a device per role with the reason, tries each live; only passed or confirmed-failing ones are kept. */
function DevicesStep({ busy, onFinish }: { busy: boolean; onFinish: (bindings: WizardBinding[]) => void }) {
  const { t } = useTranslation();
  const host = useHost();
  const [target, setTarget] = useState('');
  const [found, setFound] = useState<WizardDiscovery | null>(null);
  const [finding, setFinding] = useState(false);
  const [chosen, setChosen] = useState<Partial<Record<DeviceRole, string>>>({});
  const [results, setResults] = useState<Partial<Record<DeviceRole, TestResult>>>({});
  const [keptFailing, setKeptFailing] = useState<Partial<Record<DeviceRole, string>>>({});

  const find = async () => {
    setFinding(true);
    try {
      const discovery = await host.call('wizard.discover', { tcpTargets: target ? [target] : [] });
      setFound(discovery);
      const first: Partial<Record<DeviceRole, string>> = {};
      for (const proposal of discovery.proposals) if (proposal.answered && !first[proposal.role]) first[proposal.role] = proposal.port;
      setChosen(first);
    } finally {
      setFinding(false);
    }
  };
  const test = async (role: DeviceRole, port: string) => {
    setResults((current) => ({ ...current, [role]: 'testing' }));
    const result = await host.call('wizard.test', { role, port }).catch((failure: RpcError) => deviceTestError(failure.message));
    setResults((current) => ({ ...current, [role]: result }));
  };
  const bindings: WizardBinding[] = roles.flatMap((role) => {
    const port = chosen[role];
    const result = results[role];
    if (!port || !result || result === 'testing') return [];
    if (result.ok) return [{ role, port }];
    return keptFailing[role] ? [{ role, port, confirmedFailing: keptFailing[role] }] : [];
  });

  return (
    <section aria-labelledby="wizard-heading">
      <h2 id="wizard-heading">{t('wizard.devices')}</h2>
      <Keypad
        name="printer-address"
        value={target}
        onChange={setTarget}
        label={t('wizard.printerAddress')}
        keys={subnetKeys}
        maxLength={24}
        showLabel
      />
      <button type="button" className="primary" disabled={finding} onClick={() => void find()}>
        {finding ? t('wizard.finding') : t('wizard.find')}
      </button>
      {found && (
        <div className="wizard-roles">
          {roles.map((role) => {
            const proposals = found.proposals.filter((proposal) => proposal.role === role);
            const result = results[role];
            const port = chosen[role];
            return (
              <div key={role} className="wizard-role" data-role={role}>
                <h3>{t(`status.device.${role}`)}</h3>
                <ul className="plain-list">
                  {proposals.map((proposal) => (
                    <li key={proposal.port}>
                      <button
                        type="button"
                        aria-pressed={port === proposal.port}
                        data-port={proposal.port}
                        onClick={() => setChosen((current) => ({ ...current, [role]: proposal.port }))}
                      >
                        {proposal.port}
                      </button>
                      <span className="detail">{t(`wizard.findings.${proposal.why.code}`, { detail: proposal.why.detail })}</span>
                    </li>
                  ))}
                </ul>
                {port && (
                  <button type="button" data-test-role={role} disabled={result === 'testing'} onClick={() => void test(role, port)}>
                    {t('setup.test')}
                  </button>
                )}
                {result && (
                  <p className="test-result" role="status" data-result={result === 'testing' ? 'testing' : result.ok ? 'ok' : 'failed'}>
                    {result === 'testing' ? t('setup.testing') : deviceTestText(t, result)}
                  </p>
                )}
                {result && result !== 'testing' && !result.ok && (
                  <button
                    type="button"
                    aria-pressed={Boolean(keptFailing[role])}
                    onClick={() =>
                      setKeptFailing((current) => ({ ...current, [role]: current[role] ? undefined : deviceTestText(t, result) }))
                    }
                  >
                    {t('wizard.keepFailing')}
                  </button>
                )}
              </div>
            );
          })}
          {found.probed.length > 0 && (
            <div className="wizard-probed">
              <h3>{t('wizard.probed')}</h3>
              <ul className="plain-list">
                {found.probed.map((entry) => (
                  <li key={entry.port}>
                    {entry.port}{' '}
                    <span className="detail">{t(`wizard.findings.${entry.finding.code}`, { detail: entry.finding.detail })}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <button type="button" className="primary" disabled={busy || bindings.length === 0} onClick={() => onFinish(bindings)}>
        {t('wizard.finish', { count: bindings.length })}
      </button>
    </section>
  );
}
