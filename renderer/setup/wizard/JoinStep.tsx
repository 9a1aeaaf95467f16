import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeEnrollmentPayload } from '../../../main/contract/terminalSlot';
import { fingerprintStartDigits } from '../../../main/contract/tlsFingerprint';
import { Keypad } from '../../ui/Keypad';
import { addressKeys, codeKeys, hexKeys } from './wizardKeys';

/**
 * The hall's address and one-time code, typed on the on-screen keypads (or the QR code scanned, which the wizard
 * hears). A hall on https is known by the start of its certificate's fingerprint, typed from its Terminals page:
 * the terminal pins the whole fingerprint of the certificate presented, once it begins so.
 */
export function JoinStep({ busy, onJoin }: { busy: boolean; onJoin: (payload: string) => void }) {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [secure, setSecure] = useState(false);
  const [fingerprint, setFingerprint] = useState('');
  const ready = address.length > 0 && code.length >= 8 && (!secure || fingerprint.length >= fingerprintStartDigits);
  return (
    <section aria-labelledby="wizard-heading">
      <h2 id="wizard-heading">{t('wizard.join')}</h2>
      <p>{t('wizard.joinExplain')}</p>
      <label className="wizard-secure">
        <input type="checkbox" checked={secure} onChange={(event) => setSecure(event.target.checked)} />
        {t('wizard.secureHall')}
      </label>
      <div className="wizard-keypads">
        <Keypad
          name="hall-address"
          value={address}
          onChange={setAddress}
          label={t('wizard.hallAddress')}
          keys={addressKeys}
          maxLength={64}
          showLabel
        />
        <Keypad name="join-code" value={code} onChange={setCode} label={t('wizard.joinCode')} keys={codeKeys} maxLength={24} showLabel />
        {secure && (
          <Keypad
            name="fingerprint-start"
            value={fingerprint}
            onChange={setFingerprint}
            label={t('wizard.fingerprintStart', { digits: fingerprintStartDigits })}
            keys={hexKeys}
            maxLength={64}
            showLabel
          />
        )}
      </div>
      <button
        type="button"
        className="primary"
        disabled={busy || !ready}
        onClick={() =>
          onJoin(
            encodeEnrollmentPayload({
              hall: `${secure ? 'https' : 'http'}://${address}`,
              fingerprint: null,
              fingerprintStart: secure ? fingerprint : null,
              code,
            }),
          )
        }
      >
        {t('wizard.joinButton')}
      </button>
    </section>
  );
}
