import { useTranslation } from 'react-i18next';
import { phoneSchema } from '../../main/contract/appointments';
import { Keypad } from './Keypad';

/** A mobile number typed on the keypad, for the text message that follows a booking or a request. */
export function PhoneKeypad({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Keypad
      name="phone"
      value={value}
      onChange={onChange}
      label={t('appointments.phone')}
      placeholder={t('appointments.phoneHint')}
      maxLength={11}
    />
  );
}

/** Whether the number is one the hall takes (the contract's rule, so the screen and the hall agree). */
export const isMobileNumber = (phone: string): boolean => phoneSchema.safeParse(phone).success;
