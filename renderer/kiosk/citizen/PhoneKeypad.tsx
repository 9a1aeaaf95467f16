import { useTranslation } from 'react-i18next';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** An on-screen keypad for a mobile number: a kiosk has no keyboard. */
export function PhoneKeypad({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const press = (key: (typeof keys)[number]) => {
    if (key === 'clear') onChange('');
    else if (key === 'back') onChange(value.slice(0, -1));
    else if (value.length < 11) onChange(value + key);
  };
  return (
    <div className="phone-keypad">
      <output className="phone-shown" aria-live="polite" aria-label={t('appointments.phone')}>
        {value || t('appointments.phoneHint')}
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
