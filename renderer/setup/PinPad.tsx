import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** An on-screen PIN pad: kiosks have no keyboard. The PIN is shown as dots. Also takes a screen's pairing code. */
export function PinPad({ onSubmit, busy, prompt, submitLabel }: { onSubmit: (pin: string) => void; busy: boolean; prompt?: string; submitLabel?: string }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(pin);
        setPin('');
      }}
    >
      <label htmlFor="pin-entry">{prompt ?? t('setup.pinPrompt')}</label>
      <output id="pin-entry" className="pin-entry" aria-live="polite">
        {'•'.repeat(pin.length)}
      </output>
      <div className="pin-pad">
        {digits.map((digit) => (
          <button type="button" key={digit} onClick={() => setPin((value) => (value + digit).slice(0, 12))}>
            {digit}
          </button>
        ))}
        <button type="button" onClick={() => setPin('')}>
          {t('setup.clear')}
        </button>
        <button type="submit" className="primary" disabled={busy || pin.length === 0}>
          {submitLabel ?? t('setup.unlock')}
        </button>
      </div>
    </form>
  );
}
