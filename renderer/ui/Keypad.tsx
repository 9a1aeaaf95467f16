import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** What a key does: a character it types, or one of the editing keys. */
export type KeypadKey = string | 'clear' | 'back';

export const digitKeys: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

/**
 * The one on-screen keypad: a kiosk has no keyboard. Phone numbers, house
 * numbers and application numbers, PINs (shown as dots) and pairing codes are
 * typed on it. `name` tells keypads on one screen apart (`data-keypad`).
 */
export function Keypad({
  name,
  value,
  onChange,
  label,
  placeholder,
  keys = digitKeys,
  maxLength,
  masked = false,
  showLabel = false,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  keys?: readonly KeypadKey[];
  maxLength: number;
  masked?: boolean;
  /** Shows the label above the keypad (a PIN shows only dots, so it needs one). */
  showLabel?: boolean;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const press = (key: KeypadKey) => {
    if (key === 'clear') onChange('');
    else if (key === 'back') onChange(value.slice(0, -1));
    else if (value.length < maxLength) onChange(value + key);
  };
  const shown = masked ? '•'.repeat(value.length) : value || placeholder;
  return (
    <div className="keypad" data-keypad={name}>
      {showLabel && (
        <span className="keypad-label" id={labelId}>
          {label}
        </span>
      )}
      <output
        className={masked ? 'keypad-shown masked' : 'keypad-shown'}
        aria-live="polite"
        {...(showLabel ? { 'aria-labelledby': labelId } : { 'aria-label': label })}
      >
        {shown}
      </output>
      <div className="keys">
        {keys.map((key) => (
          <button type="button" key={key} data-key={key} onClick={() => press(key)}>
            {key === 'clear' ? t('setup.clear') : key === 'back' ? t('appointments.backspace') : key}
          </button>
        ))}
      </div>
    </div>
  );
}
