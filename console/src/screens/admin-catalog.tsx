import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../components/error-text';
import { graphql } from '../gql';
import { apiLanguage } from '../i18n/i18n';

const Categories = graphql(`
  query AdminCategories($language: Language!) {
    categories(includeInactive: true, language: $language) {
      code
      name
      nameId
      nameEn
      opdCode
      defaultKind
      active
      inCode
      version
    }
  }
`);
const CategoryResult = graphql(`
  fragment AdminCategoryResult on CategoryAdminResult {
    __typename
    ... on CategoryChanged {
      category {
        code
        version
        active
      }
    }
    ... on CategoryVersionConflict {
      message
    }
    ... on CategoryNotFound {
      message
    }
    ... on InvalidCategoryChange {
      message
      problems
    }
  }
`);
void CategoryResult;
const Rename = graphql(`
  mutation AdminRenameCategory($input: RenameCategoryInput!) {
    renameCategory(input: $input) {
      ...AdminCategoryResult
    }
  }
`);
const Deactivate = graphql(`
  mutation AdminDeactivateCategory($input: CategoryRefInput!) {
    deactivateCategory(input: $input) {
      ...AdminCategoryResult
    }
  }
`);
const Activate = graphql(`
  mutation AdminActivateCategory($input: CategoryRefInput!) {
    activateCategory(input: $input) {
      ...AdminCategoryResult
    }
  }
`);

type Outcome = { __typename?: string; message?: string; problems?: string[] } | undefined;

/** Categories of every OPD: rename (per language) and deactivate/activate; tickets keep theirs. */
export function AdminCategories(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Categories, { variables: { language: apiLanguage(i18n.language) } });
  const [rename] = useMutation(Rename);
  const [deactivate] = useMutation(Deactivate);
  const [activate] = useMutation(Activate);
  const [names, setNames] = useState<Record<string, { nameId: string; nameEn: string }>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const after = (outcome: Outcome): void => {
    setMessage(outcome?.__typename === 'CategoryChanged' ? { ok: true, text: t('admin.saved') } : { ok: false, text: [outcome?.message, ...(outcome?.problems ?? [])].join(' ') });
    void refetch();
  };
  return (
    <>
      <ErrorText error={error} />
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <table>
        <caption className="visually-hidden">{t('admin.sections.categories')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.code')}</th>
            <th scope="col">{t('admin.opd')}</th>
            <th scope="col">{t('admin.nameId')}</th>
            <th scope="col">{t('admin.nameEn')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.categories.map((c) => {
            const edit = names[c.code] ?? { nameId: c.nameId, nameEn: c.nameEn };
            const ref = { code: c.code, expectedVersion: c.version };
            return (
              <tr key={c.code}>
                <th scope="row">
                  <code>{c.code}</code>
                  <br />
                  <span className="hint">{t(`kinds.${c.defaultKind}`)}</span>
                </th>
                <td>{c.opdCode}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`cat-id-${c.code}`}>
                    {t('admin.nameId')} {c.code}
                  </label>
                  <input id={`cat-id-${c.code}`} value={edit.nameId} onChange={(e) => setNames({ ...names, [c.code]: { ...edit, nameId: e.target.value } })} />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`cat-en-${c.code}`}>
                    {t('admin.nameEn')} {c.code}
                  </label>
                  <input id={`cat-en-${c.code}`} value={edit.nameEn} onChange={(e) => setNames({ ...names, [c.code]: { ...edit, nameEn: e.target.value } })} />
                </td>
                <td className="row-actions">
                  {c.active ? t('admin.active') : t('admin.inactive')}{' '}
                  {(edit.nameId !== c.nameId || edit.nameEn !== c.nameEn) && (
                    <button type="button" onClick={() => void rename({ variables: { input: { ...ref, nameId: edit.nameId, nameEn: edit.nameEn } } }).then((r) => after(r.data?.renameCategory))}>
                      {t('admin.rename')} <span className="visually-hidden">{c.code}</span>
                    </button>
                  )}
                  {c.active ? (
                    <button type="button" className="secondary" onClick={() => void deactivate({ variables: { input: ref } }).then((r) => after(r.data?.deactivateCategory))}>
                      {t('admin.deactivate')} <span className="visually-hidden">{c.code}</span>
                    </button>
                  ) : (
                    c.inCode && (
                      <button type="button" className="secondary" onClick={() => void activate({ variables: { input: ref } }).then((r) => after(r.data?.activateCategory))}>
                        {t('admin.activate')} <span className="visually-hidden">{c.code}</span>
                      </button>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

const Rollout = graphql(`
  query AdminRollout {
    rollout {
      launchDate
      deadline
      daysLeft
      opdsLive
      opdsPlanned
      opds {
        code
        nameId
        nameEn
        onboardingStatus
        goLiveDate
        daysToGoLive
        due
        afterDeadline
      }
    }
  }
`);

/** The 100-day promise: which OPDs are live, which are due now, which come later (or after the deadline). */
export function AdminRollout(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(Rollout);
  const r = data?.rollout;
  return (
    <>
      <ErrorText error={error} />
      {r && (
        <>
          <p className="panel">
            <strong>{t('admin.live', { live: r.opdsLive, total: r.opdsLive + r.opdsPlanned })}</strong>
            <br />
            {t('admin.launch', { launch: r.launchDate, deadline: r.deadline, days: r.daysLeft })}
          </p>
          <svg className="rollout-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={t('admin.live', { live: r.opdsLive, total: r.opdsLive + r.opdsPlanned })}>
            <rect className="track" x="0" y="0" width="100" height="6" />
            <rect className="fill level-ok" x="0" y="0" width={(100 * r.opdsLive) / Math.max(1, r.opdsLive + r.opdsPlanned)} height="6" />
          </svg>
          <table data-testid="rollout-table">
            <caption className="visually-hidden">{t('admin.sections.rollout')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.code')}</th>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.status')}</th>
                <th scope="col">{t('admin.goLive')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.status')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.opds.map((o) => {
                const state = o.onboardingStatus === 'LIVE' ? 'live' : o.due ? 'due' : o.afterDeadline ? 'late' : 'later';
                return (
                  <tr key={o.code} className={`rollout-${state}`}>
                    <th scope="row">{o.code}</th>
                    <td>{i18n.language === 'en' ? o.nameEn : o.nameId}</td>
                    <td>{t(`admin.onboarding.${o.onboardingStatus}`, { defaultValue: o.onboardingStatus })}</td>
                    <td>{o.goLiveDate}</td>
                    <td>
                      <span className={`badge ${state === 'live' ? 'ok' : state === 'later' ? '' : 'danger'}`}>{t(`admin.dueState.${state}`, { days: o.daysToGoLive })}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
