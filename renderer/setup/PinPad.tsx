import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '../ui/Keypad';

/** A PIN (or a screen's pairing code) typed on the keypad, shown as dots, then submitted. */
export function PinPad({
  onSubmit,
  busy,
  prompt,
  submitLabel,
}: {
  onSubmit: (pin: string) => void;
  busy: boolean;
  prompt?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  return (
    <form
      className="pin-pad"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(pin);
        setPin('');
      }}
    >
      <Keypad name="pin" value={pin} onChange={setPin} label={prompt ?? t('setup.pinPrompt')} maxLength={12} masked showLabel />
      <button type="submit" className="primary" disabled={busy || pin.length === 0}>
        {submitLabel ?? t('setup.unlock')}
      </button>
    </form>
  );
}
