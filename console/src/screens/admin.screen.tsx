import type { ReactNode } from 'react';
import '../ops/ops-i18n';
import './admin-channels-i18n';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useAuth } from '../auth/auth-context';
import { AdminApiKeys, AdminWebhooks } from './admin-integrations';
import { AdminCategories, AdminRollout } from './admin-catalog';
import { AdminChannelTemplates } from './admin-channel-templates';
import { AdminOfficialAccounts } from './admin-official-accounts';
import { AdminCalendars, AdminPolicies } from './admin-sla';
import { AdminStaff } from './admin-staff';

/** The admin sections, each with the operation it cannot work without. */
const SECTIONS: ReadonlyArray<{ key: string; operation: string; render(): ReactNode }> = [
  { key: 'staff', operation: 'Query.staffUsers', render: () => <AdminStaff /> },
  { key: 'apiKeys', operation: 'Query.apiKeys', render: () => <AdminApiKeys /> },
  { key: 'webhooks', operation: 'Query.webhookEndpoints', render: () => <AdminWebhooks /> },
  { key: 'policies', operation: 'Query.slaPolicies', render: () => <AdminPolicies /> },
  { key: 'calendars', operation: 'Query.calendars', render: () => <AdminCalendars /> },
  { key: 'accounts', operation: 'Mutation.registerOfficialAccount', render: () => <AdminOfficialAccounts /> },
  { key: 'templates', operation: 'Mutation.updateChannelTemplate', render: () => <AdminChannelTemplates /> },
  { key: 'categories', operation: 'Mutation.renameCategory', render: () => <AdminCategories /> },
  { key: 'rollout', operation: 'Query.rollout', render: () => <AdminRollout /> },
];

/** Diskominfo's administration: one section at a time (`/admin/<section>`), the list of sections beside it. */
export function AdminScreen({ section }: { section?: string }): ReactNode {
  const { t } = useTranslation();
  const { can } = useAuth();
  const visible = SECTIONS.filter((s) => can(s.operation));
  const current = visible.find((s) => s.key === section) ?? visible[0];
  return (
    <section className="admin">
      <h1 tabIndex={-1}>
        {t('admin.title')}
        {current && ` · ${t(`admin.sections.${current.key}`)}`}
      </h1>
      <div className="admin-layout">
        <nav aria-label={t('admin.title')}>
          <ul>
            {visible.map((s) => (
              <li key={s.key}>
                <Link to={`/admin/${s.key}`} aria-current={s === current ? 'page' : undefined}>
                  {t(`admin.sections.${s.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="admin-section">{current?.render()}</div>
      </div>
    </section>
  );
}
