import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinPad } from '../setup/PinPad';
import '../setup/setup.css';
import { pairThisScreen } from './bridgeTransport';

/**
 * A screen the terminal did not launch and no technician paired: it says so,
 * in both languages (the terminal's is not known), and takes the pairing code
 * that the terminal's own setup screen shows.
 */
export function NotPaired() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(false);
  const both = (key: string) => `${t(key, { lng: 'zh-CN' })} ${t(key, { lng: 'en' })}`;
  const pair = async (code: string) => {
    setBusy(true);
    setRefused(false);
    if (await pairThisScreen(code)) {
      window.location.replace(`/${window.location.hash}`);
      return;
    }
    setRefused(true);
    setBusy(false);
  };
  return (
    <main className="screen setup not-paired">
      <h1 className="notice error">{both('pairing.notPaired')}</h1>
      <p>{both('pairing.howTo')}</p>
      {refused && <p role="alert">{both('pairing.refused')}</p>}
      <PinPad onSubmit={(code) => void pair(code)} busy={busy} prompt={both('pairing.prompt')} submitLabel={both('pairing.submit')} />
    </main>
  );
}
