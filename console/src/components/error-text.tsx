import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '../api/errors';

/** A failed request, said in the console's language (with the server's detail when the code is unknown). */
export function ErrorText({ error }: { error: unknown }): ReactNode {
  const { t } = useTranslation();
  if (!error) return null;
  const code = errorCode(error);
  const known = t(`errors.code.${code}`, { defaultValue: '' });
  return (
    <p className="error" role="alert">
      {known || errorMessage(error) || t('errors.code.UNKNOWN')}
    </p>
  );
}
