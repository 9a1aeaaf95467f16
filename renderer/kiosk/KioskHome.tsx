import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueCategory } from '../../main/contract/catalogue';
import type { TerminalInfo } from '../../main/contract/terminal';
import { useHost, useRpcQuery } from '../client/hostContext';
import { localized } from '../i18n/i18n';
import { Clock } from '../ui/Clock';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { MessageDialog } from '../ui/MessageDialog';
import { StatusStrip } from '../ui/StatusStrip';
import { TopBar } from '../ui/TopBar';
import { useIdleReset } from '../ui/useIdleReset';
import { useHostIdleWarning } from '../ui/useHostIdleWarning';
import { useScreenShown } from '../ui/useScreenShown';
import { CategoryIcon } from './CategoryIcon';
import { TakeNumber } from './queue/TakeNumber';
import { CertificatesPanel } from './citizen/CertificatesPanel';
import { CitizenGate } from './citizen/CitizenGate';
import { LookupsPanel } from './citizen/LookupsPanel';
import { AppointmentsPanel } from './citizen/AppointmentsPanel';
import { CatalogueBrowser } from './catalogue/CatalogueBrowser';
import { ConveniencePanel } from './citizen/ConveniencePanel';
import { useAvailability } from './availability/useAvailability';
import { UnavailableNote } from './availability/UnavailableNote';
import { OutOfService } from './availability/OutOfService';
import { AccessBar } from './access/AccessBar';
import { IdleWarning } from './access/IdleWarning';
import { useKioskAccess, useVoicePrompt } from './access/KioskAccess';
import { useChoicePage } from './access/useChoicePage';
import { useKioskKeypad } from './access/useKioskKeypad';
import './access/access.css';
import { HelpCall } from './help/HelpCall';
import './kiosk.css';

const accents = ['#0b4a8b', '#1e7b34', '#7b3fa0', '#b3261e', '#a15c00', '#00707a'];

function Categories({ onTakeNumber, onChoose }: { onTakeNumber: () => void; onChoose: (category: CatalogueCategory) => void }) {
  const { t, i18n } = useTranslation();
  const { data: categories, error } = useRpcQuery('catalogue.categories', {}, ['catalogue.changed', 'terminal.changed']);
  const { availability, unmet } = useAvailability();
  const { shown, more } = useChoicePage(categories ?? [], 1);
  useVoicePrompt(t('kiosk.welcome'), t('kiosk.hint'), t('access.keypadHint'));
  if (availability?.outOfService) return <OutOfService availability={availability} />;
  const ticketUnmet = unmet('take-number');
  return (
    <>
      <button
        type="button"
        className="primary take-entry"
        aria-disabled={ticketUnmet ? true : undefined}
        onClick={ticketUnmet ? undefined : onTakeNumber}
      >
        <span>{t('kiosk.takeNumber')}</span>
        <span className="take-hint">{t('kiosk.takeNumberHint')}</span>
        {ticketUnmet && <UnavailableNote unmet={ticketUnmet} availability={availability} />}
      </button>
      <p className="welcome">{t('kiosk.welcome')}</p>
      <p className="hint">{t('kiosk.hint')}</p>
      {error && <ErrorNotice error={error} />}
      {categories?.length === 0 && <p className="notice">{t('kiosk.noServices')}</p>}
      <nav className="category-grid" aria-label={t('kiosk.welcome')}>
        {shown.map((category, index) => (
          <button
            type="button"
            key={category.id}
            className="category-tile"
            data-category={category.id}
            style={{ '--accent': accents[index % accents.length] } as React.CSSProperties}
            aria-disabled={unmet(category.id) ? true : undefined}
            onClick={unmet(category.id) ? undefined : () => onChoose(category)}
          >
            <CategoryIcon id={category.id} />
            <span className="name">{localized(category.name, i18n.language)}</span>
            <span className="description">{localized(category.description, i18n.language)}</span>
            {unmet(category.id) && <UnavailableNote unmet={unmet(category.id)!} availability={availability} />}
          </button>
        ))}
        {more}
      </nav>
    </>
  );
}

/** The kiosk: taking a queue number first, then the catalogue's categories as large touch targets. */
export function KioskHome({ terminal }: { terminal: TerminalInfo }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const access = useKioskAccess();
  useKioskKeypad();
  const { endSession } = access;
  const { availability } = useAvailability();
  // A kiosk whose place a new box took is refused by the hall: a call for help would reach nobody.
  const replaced = availability?.services.some(({ unmet }) => unmet?.need === 'hall' && unmet.detail === 'replaced') ?? false;
  const [chosen, setChosen] = useState<Pick<CatalogueCategory, 'id' | 'name'> | null>(null);
  /** Taking a number: false, or true / the queue service already known (from a catalogue item). */
  const [takingNumber, setTakingNumber] = useState<boolean | string>(false);
  const home = () => {
    setChosen(null);
    setTakingNumber(false);
    access.endSession();
    // Whatever the host held of this citizen (their card) goes with them.
    void host.call('citizen.end', {}).catch(() => undefined);
  };
  const idleLeft = useIdleReset(
    terminal.idleTimeoutSeconds * (access.elder ? 2 : 1),
    () => {
      home();
      void i18n.changeLanguage(terminal.locale);
    },
    terminal.idleWarningSeconds,
  );
  const hostIdle = useHostIdleWarning();
  // The card was taken out (where the session ends with it), or the host ended an idle session: back to the start.
  useEffect(
    () =>
      host.on('citizen.ended', ({ reason }) => {
        setChosen(null);
        endSession();
        if (reason !== 'idle') return;
        setTakingNumber(false);
        void i18n.changeLanguage(terminal.locale);
      }),
    [host, i18n, terminal.locale, endSession],
  );
  // The screen's own countdown (no touch) or the host's (no call of the session), whichever is shorter.
  const countdown = hostIdle.secondsLeft ?? (takingNumber !== false || chosen ? idleLeft : null);
  const citizenServices: Record<string, React.ReactNode> = {
    certificates: <CertificatesPanel />,
    'social-security': <LookupsPanel />,
    appointments: <AppointmentsPanel />,
    transport: <LookupsPanel group="transport" />,
    convenience: <ConveniencePanel onGuide={() => setChosen({ id: 'government-services', name: { 'zh-CN': '', en: '' } })} />,
  };
  const citizenService = chosen ? (citizenServices[chosen.id] ?? null) : null;
  const browsing = chosen?.id === 'government-services';
  useScreenShown(takingNumber !== false ? 'kiosk/take-number' : chosen ? `kiosk/${chosen.id}` : 'kiosk/home');

  return (
    <div className={access.elder ? 'screen kiosk elder' : 'screen kiosk'}>
      <TopBar title={t('app.title')}>
        <Clock />
        <LanguageSwitch />
      </TopBar>
      <AccessBar />
      <main>
        {takingNumber !== false ? (
          <TakeNumber onDone={home} service={typeof takingNumber === 'string' ? takingNumber : null} />
        ) : browsing ? (
          <CatalogueBrowser
            onBack={home}
            onTakeNumber={(service) => {
              setChosen(null);
              setTakingNumber(service);
            }}
            onBook={() => setChosen({ id: 'appointments', name: { 'zh-CN': '', en: '' } })}
          />
        ) : citizenService ? (
          <CitizenGate
            onFinish={home}
            flow={
              chosen?.id === 'certificates'
                ? 'certificates'
                : chosen?.id === 'social-security' || chosen?.id === 'transport'
                  ? 'lookups'
                  : 'services'
            }
          >
            {citizenService}
          </CitizenGate>
        ) : (
          <Categories onTakeNumber={() => setTakingNumber(true)} onChoose={setChosen} />
        )}
      </main>
      {!replaced && <HelpCall screen={takingNumber !== false ? 'take-number' : (chosen?.id ?? 'home')} />}
      <StatusStrip terminalId={terminal.terminalId} />
      {countdown !== null && <IdleWarning secondsLeft={Math.min(countdown, idleLeft ?? countdown)} onMoreTime={hostIdle.stay} />}
      {chosen && !citizenService && !browsing && (
        <MessageDialog message={t('kiosk.notYetOpen', { name: localized(chosen.name, i18n.language) })} onClose={() => setChosen(null)} />
      )}
    </div>
  );
}
