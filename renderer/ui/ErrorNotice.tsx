import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../main/contract/errors';

/** A failed call, in the citizen's language; the technician's detail stays in the title. */
export function ErrorNotice({ error }: { error: RpcError }) {
  const { t } = useTranslation();
  return (
    <p className="notice error" role="alert" title={error.message} data-error-code={error.code}>
      {t(`errors.${error.code}`)}
    </p>
  );
}
