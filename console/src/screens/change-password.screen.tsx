import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../components/error-text';
import { graphql } from '../gql';

const ChangeMyPassword = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

/** The user's own password (e.g. the one-time password an admin handed out). */
export function ChangePasswordScreen(): ReactNode {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const [change, { error, loading }] = useMutation(ChangeMyPassword);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setDone(false);
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    const result = await change({ variables: { input: { currentPassword, newPassword } } }).catch(() => null);
    if (result?.data?.changeMyPassword) {
      setDone(true);
      setCurrent('');
      setNew('');
      setRepeat('');
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('password.title')}</h1>
      <form onSubmit={(e) => void submit(e)} className="narrow">
        <label htmlFor="current-password">{t('password.current')}</label>
        <input id="current-password" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
        <label htmlFor="new-password">{t('password.new')}</label>
        <input id="new-password" type="password" autoComplete="new-password" required value={newPassword} onChange={(e) => setNew(e.target.value)} aria-describedby="password-rules" />
        <p id="password-rules" className="hint">{t('password.rules')}</p>
        <label htmlFor="repeat-password">{t('password.repeat')}</label>
        <input id="repeat-password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        {mismatch && <p className="error" role="alert">{t('password.mismatch')}</p>}
        <ErrorText error={error} />
        {done && <p role="status" className="ok">{t('password.changed')}</p>}
        <button type="submit" disabled={loading}>{t('password.submit')}</button>
      </form>
    </section>
  );
}
