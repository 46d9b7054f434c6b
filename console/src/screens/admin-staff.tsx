import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../components/error-text';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { ActorRole } from '../gql/graphql';
import { apiLanguage } from '../i18n/i18n';

const Staff = graphql(`
  query AdminStaff($language: Language!) {
    staffUsers {
      id
      username
      displayName
      role
      opdCode
      languages
      active
      version
      createdAt
    }
    opds(language: $language) {
      code
      name
    }
  }
`);
const CreateStaff = graphql(`
  mutation AdminCreateStaff($input: CreateStaffUserInput!) {
    createStaffUser(input: $input) {
      temporaryPassword
      user {
        id
        username
      }
    }
  }
`);
const UpdateStaff = graphql(`
  mutation AdminUpdateStaff($input: UpdateStaffUserInput!) {
    updateStaffUser(input: $input) {
      id
      active
      version
    }
  }
`);
const ResetPassword = graphql(`
  mutation AdminResetPassword($id: ID!) {
    resetStaffPassword(id: $id) {
      temporaryPassword
      user {
        id
        username
      }
    }
  }
`);

/** Roles a person can be given (OPD_SYSTEM is for API keys, SYSTEM is internal). */
const ROLES: readonly ActorRole[] = ['CALL_TAKER', 'SUPERVISOR', 'OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT', 'ADMIN', 'AUDITOR'];
const OPD_ROLES = new Set<ActorRole>(['OPD_OFFICER', 'OPD_HEAD', 'FIELD_UNIT']);

/** Staff accounts with their role, OPD and languages (call takers' languages route calls). */
export function AdminStaff(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Staff, { variables: { language: apiLanguage(i18n.language) } });
  const [create, created] = useMutation(CreateStaff);
  const [update, updated] = useMutation(UpdateStaff);
  const [reset, resetting] = useMutation(ResetPassword);
  const [secret, setSecret] = useState<{ user: string; password: string } | null>(null);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'CALL_TAKER' as ActorRole, opdCode: '', languages: 'id' });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const languages = form.languages.split(',').map((l) => l.trim()).filter(Boolean);
    void create({
      variables: {
        input: {
          username: form.username.trim(),
          displayName: form.displayName.trim(),
          role: form.role,
          opdCode: OPD_ROLES.has(form.role) ? form.opdCode || null : null,
          languages: languages.length ? languages : null,
        },
      },
    }).then((r) => {
      const made = r.data?.createStaffUser;
      if (made) {
        setSecret({ user: made.user.username, password: made.temporaryPassword });
        setForm({ ...form, username: '', displayName: '' });
        void refetch();
      }
    });
  };
  return (
    <>
      <ErrorText error={error ?? created.error ?? updated.error ?? resetting.error} />
      {secret && (
        <p className="panel ok" role="status" data-testid="one-time-password">
          {t('admin.oneTimePassword', secret)}
        </p>
      )}
      <table>
        <caption className="visually-hidden">{t('admin.sections.staff')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.opd')}</th>
            <th scope="col">{t('admin.languages')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.staffUsers.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.username}</th>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.opdCode ?? '—'}</td>
              <td>{u.languages.join(', ') || '—'}</td>
              <td title={formatDateTime(u.createdAt, i18n.language)}>{u.active ? t('admin.active') : t('admin.inactive')}</td>
              <td className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void update({ variables: { input: { id: u.id, expectedVersion: u.version, active: !u.active } } }).then(() => refetch())}
                >
                  {u.active ? t('admin.deactivate') : t('admin.activate')} <span className="visually-hidden">{u.username}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void reset({ variables: { id: u.id } }).then((r) => {
                      const made = r.data?.resetStaffPassword;
                      if (made) setSecret({ user: made.user.username, password: made.temporaryPassword });
                    })
                  }
                >
                  {t('admin.resetPassword')} <span className="visually-hidden">{u.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel admin-form" onSubmit={submit}>
        <h2>{t('admin.createStaff')}</h2>
        <label htmlFor="staff-username">{t('admin.username')}</label>
        <input id="staff-username" required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoComplete="off" />
        <label htmlFor="staff-name">{t('admin.name')}</label>
        <input id="staff-name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <label htmlFor="staff-role">{t('admin.role')}</label>
        <select id="staff-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as ActorRole })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
        {OPD_ROLES.has(form.role) && (
          <>
            <label htmlFor="staff-opd">{t('admin.opd')}</label>
            <select id="staff-opd" required value={form.opdCode} onChange={(e) => setForm({ ...form, opdCode: e.target.value })}>
              <option value="" />
              {data?.opds.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.code} · {o.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="staff-languages">{t('admin.languages')}</label>
        <input id="staff-languages" aria-describedby="staff-languages-hint" value={form.languages} onChange={(e) => setForm({ ...form, languages: e.target.value })} />
        <p className="hint" id="staff-languages-hint">
          {t('admin.languagesHint')}
        </p>
        <button type="submit" disabled={created.loading}>
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}
