import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { AdminOfficialAccountsQuery, ChannelPlatform } from '../gql/graphql';
import { AdminError } from './admin-error';

const Accounts = graphql(`
  query AdminOfficialAccounts {
    officialAccounts(includeInactive: true) {
      id
      platform
      accountId
      displayName
      decreeRef
      active
      version
      createdBy
      updatedAt
    }
  }
`);
const Register = graphql(`
  mutation AdminRegisterOfficialAccount($input: RegisterOfficialAccountInput!) {
    registerOfficialAccount(input: $input) {
      id
      version
    }
  }
`);
const Update = graphql(`
  mutation AdminUpdateOfficialAccount($input: UpdateOfficialAccountInput!) {
    updateOfficialAccount(input: $input) {
      id
      version
      displayName
      decreeRef
      active
    }
  }
`);
const Deactivate = graphql(`
  mutation AdminDeactivateOfficialAccount($id: ID!, $version: Int!) {
    deactivateOfficialAccount(id: $id, version: $version) {
      id
      version
      active
    }
  }
`);

type Account = AdminOfficialAccountsQuery['officialAccounts'][number];
const PLATFORMS: readonly ChannelPlatform[] = ['WHATSAPP', 'MESSENGER', 'INSTAGRAM', 'TELEGRAM'];

/**
 * The regent's decree list of social-media accounts: only a registered, active account's webhooks are
 * accepted. Secrets are configuration and never pass through the API, so there is none to show here.
 * Every change sends the version the admin saw: a concurrent edit is refused and the list reloaded.
 */
export function AdminOfficialAccounts(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Accounts);
  const [deactivate, deactivating] = useMutation(Deactivate);
  const [update, updating] = useMutation(Update);
  const [editing, setEditing] = useState<string | null>(null);
  const reload = (): void => void refetch();
  return (
    <>
      <AdminError error={error ?? deactivating.error ?? updating.error} />
      <p className="hint">{t('adminChannels.accounts.hint')}</p>
      <table data-testid="official-accounts">
        <caption>{t('admin.sections.accounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminChannels.accounts.platform')}</th>
            <th scope="col">{t('adminChannels.accounts.accountId')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('adminChannels.accounts.decreeRef')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('adminChannels.updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('adminChannels.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.officialAccounts.map((a) => (
            <tr key={a.id} data-testid={`account-${a.accountId}`} data-active={a.active}>
              <td>{t(`adminChannels.platforms.${a.platform}`)}</td>
              <th scope="row">
                <code>{a.accountId}</code>
              </th>
              <td>{a.displayName}</td>
              <td>{a.decreeRef ?? '—'}</td>
              <td>{a.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                {formatDateTime(a.updatedAt, i18n.language)} · v{a.version}
              </td>
              <td>
                <button type="button" className="secondary" onClick={() => setEditing(editing === a.id ? null : a.id)} aria-expanded={editing === a.id}>
                  {t('adminChannels.edit')} <span className="visually-hidden">{a.displayName}</span>
                </button>{' '}
                {a.active ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={deactivating.loading}
                    onClick={() => void deactivate({ variables: { id: a.id, version: a.version } }).catch(() => null).then(reload)}
                  >
                    {t('admin.deactivate')} <span className="visually-hidden">{a.displayName}</span>
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    disabled={updating.loading}
                    onClick={() => void update({ variables: { input: { id: a.id, version: a.version, active: true } } }).catch(() => null).then(reload)}
                  >
                    {t('admin.activate')} <span className="visually-hidden">{a.displayName}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.officialAccounts.length === 0 && <p>{t('adminChannels.accounts.none')}</p>}
      {data?.officialAccounts
        .filter((a) => a.id === editing)
        .map((a) => <AccountEdit key={a.id} account={a} onDone={() => (setEditing(null), reload())} onConflict={reload} />)}
      <AccountRegister onDone={reload} />
    </>
  );
}

function AccountEdit({ account, onDone, onConflict }: { account: Account; onDone(): void; onConflict(): void }): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState(account.displayName);
  const [decree, setDecree] = useState(account.decreeRef ?? '');
  const [update, updating] = useMutation(Update);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const input = { id: account.id, version: account.version, displayName: name.trim(), decreeRef: decree.trim() || null };
    void update({ variables: { input } }).then(onDone, onConflict);
  };
  return (
    <form className="admin-form panel" onSubmit={submit} aria-label={t('adminChannels.accounts.editTitle', { name: account.displayName })}>
      <h2>{t('adminChannels.accounts.editTitle', { name: account.displayName })}</h2>
      <AdminError error={updating.error} />
      <label htmlFor="account-edit-name">{t('admin.name')}</label>
      <input id="account-edit-name" required value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="account-edit-decree">{t('adminChannels.accounts.decreeRef')}</label>
      <input id="account-edit-decree" value={decree} onChange={(e) => setDecree(e.target.value)} />
      <button type="submit" disabled={updating.loading}>
        {t('common.save')}
      </button>
    </form>
  );
}

function AccountRegister({ onDone }: { onDone(): void }): ReactNode {
  const { t } = useTranslation();
  const empty = { platform: 'WHATSAPP' as ChannelPlatform, accountId: '', displayName: '', decreeRef: '' };
  const [form, setForm] = useState(empty);
  const [register, registering] = useMutation(Register);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const input = { platform: form.platform, accountId: form.accountId.trim(), displayName: form.displayName.trim(), decreeRef: form.decreeRef.trim() || null };
    void register({ variables: { input } })
      .then(() => (setForm(empty), onDone()))
      .catch(() => null);
  };
  return (
    <form className="admin-form panel" onSubmit={submit} aria-labelledby="account-register-title">
      <h2 id="account-register-title">{t('adminChannels.accounts.register')}</h2>
      <AdminError error={registering.error} />
      <label htmlFor="account-platform">{t('adminChannels.accounts.platform')}</label>
      <select id="account-platform" value={form.platform} onChange={(e) => setForm({ ...form, platform: e.target.value as ChannelPlatform })}>
        {PLATFORMS.map((p) => (
          <option key={p} value={p}>
            {t(`adminChannels.platforms.${p}`)}
          </option>
        ))}
      </select>
      <label htmlFor="account-id">{t('adminChannels.accounts.accountId')}</label>
      <input id="account-id" required aria-describedby="account-id-hint" value={form.accountId} onChange={(e) => setForm({ ...form, accountId: e.target.value })} />
      <p className="hint" id="account-id-hint">
        {t('adminChannels.accounts.accountIdHint')}
      </p>
      <label htmlFor="account-name">{t('admin.name')}</label>
      <input id="account-name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
      <label htmlFor="account-decree">{t('adminChannels.accounts.decreeRef')}</label>
      <input id="account-decree" value={form.decreeRef} onChange={(e) => setForm({ ...form, decreeRef: e.target.value })} />
      <button type="submit" disabled={registering.loading}>
        {t('adminChannels.accounts.registerButton')}
      </button>
    </form>
  );
}
