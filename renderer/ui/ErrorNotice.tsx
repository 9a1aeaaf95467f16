import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../main/contract/errors';
import { useSpokenPrompt } from './spokenPrompt';

/** A failed call, in the user's language (the hall's reason when it refused); the technician's detail stays in the title. */
export function ErrorNotice({ error }: { error: RpcError }) {
  const { t, i18n } = useTranslation();
  const reasonKey = `errors.reasons.${error.reason ?? ''}`;
  const text = error.reason && i18n.exists(reasonKey) ? t(reasonKey, error.params ?? {}) : t(`errors.${error.code}`);
  useSpokenPrompt(text);
  return (
    <p className="notice error" role="alert" title={error.message} data-error-code={error.code} data-reason={error.reason}>
      {text}
    </p>
  );
}
