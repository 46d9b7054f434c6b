import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '../api/errors';
import './admin-channels-i18n';

/**
 * A refused admin change, in words: the code's sentence (a version conflict, an account already
 * registered, …) and, for a validation error, the server's list of what is wrong. The shared ErrorText
 * hides that list behind "some input is not right", which leaves an admin guessing which field.
 */
export function AdminError({ error }: { error: unknown }): ReactNode {
  const { t } = useTranslation();
  if (!error) return null;
  const code = errorCode(error);
  // This screen's own words first (they say what it does next, e.g. reload after a conflict), then the console's.
  const known = t(`adminChannels.errors.${code}`, { defaultValue: '' }) || t(`errors.code.${code}`, { defaultValue: '' });
  const detail = code === 'BAD_USER_INPUT' ? errorMessage(error) : null;
  return (
    <p className="error" role="alert" data-testid="admin-error" data-code={code}>
      {known || errorMessage(error) || t('errors.code.UNKNOWN')}
      {detail && ` ${t('adminChannels.detail', { detail })}`}
    </p>
  );
}
