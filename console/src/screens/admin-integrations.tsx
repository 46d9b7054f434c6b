import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../components/error-text';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { WebhookEvent } from '../gql/graphql';
import { apiLanguage } from '../i18n/i18n';

const ApiKeys = graphql(`
  query AdminApiKeys($language: Language!) {
    apiKeys {
      id
      name
      prefix
      opdCode
      permissions
      createdAt
      lastUsedAt
      revokedAt
    }
    opds(language: $language) {
      code
      name
    }
  }
`);
const CreateKey = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);
const RevokeKey = graphql(`
  mutation AdminRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

/** What an OPD's system usually needs: read its tickets and move them along. */
const DEFAULT_KEY_OPERATIONS = 'Query.tickets, Query.ticket, Mutation.acknowledgeTicket, Mutation.departTicket, Mutation.arriveOnSite, Mutation.resolveTicket, Mutation.addNote';

/** OPD systems' API keys: what each may do, when it was last used; create (the key is shown once) and revoke. */
export function AdminApiKeys(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(ApiKeys, { variables: { language: apiLanguage(i18n.language) } });
  const [create, created] = useMutation(CreateKey);
  const [revoke, revoking] = useMutation(RevokeKey);
  const [secret, setSecret] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', opdCode: '', permissions: DEFAULT_KEY_OPERATIONS });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const permissions = form.permissions.split(',').map((p) => p.trim()).filter(Boolean);
    void create({ variables: { input: { name: form.name.trim(), opdCode: form.opdCode, permissions } } }).then((r) => {
      if (r.data) {
        setSecret(r.data.createApiKey.secret);
        void refetch();
      }
    });
  };
  return (
    <>
      <ErrorText error={error ?? created.error ?? revoking.error} />
      {secret && (
        <p className="panel ok secret" role="status">
          {t('admin.keySecret', { key: secret })}
        </p>
      )}
      <table>
        <caption className="visually-hidden">{t('admin.sections.apiKeys')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.prefix')}</th>
            <th scope="col">{t('admin.opd')}</th>
            <th scope="col">{t('admin.permissions')}</th>
            <th scope="col">{t('admin.lastUsed')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.apiKeys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.prefix}</code>
              </td>
              <td>{k.opdCode}</td>
              <td className="small">{k.permissions.join(', ')}</td>
              <td>{formatDateTime(k.lastUsedAt, i18n.language)}</td>
              <td>
                {k.revokedAt ? (
                  `${t('admin.revoked')} ${formatDateTime(k.revokedAt, i18n.language)}`
                ) : (
                  <button type="button" className="danger" onClick={() => void revoke({ variables: { id: k.id } }).then(() => refetch())}>
                    {t('admin.revoke')} <span className="visually-hidden">{k.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel admin-form" onSubmit={submit}>
        <h2>{t('admin.createKey')}</h2>
        <label htmlFor="key-name">{t('admin.name')}</label>
        <input id="key-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <label htmlFor="key-opd">{t('admin.opd')}</label>
        <OpdSelect id="key-opd" value={form.opdCode} opds={data?.opds} onChange={(opdCode) => setForm({ ...form, opdCode })} />
        <label htmlFor="key-permissions">{t('admin.permissions')}</label>
        <textarea id="key-permissions" value={form.permissions} onChange={(e) => setForm({ ...form, permissions: e.target.value })} />
        <button type="submit" disabled={created.loading}>
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}

const Webhooks = graphql(`
  query AdminWebhooks($language: Language!) {
    webhookEndpoints {
      id
      opdCode
      url
      events
      active
      disabledAt
      disabledReason
      createdAt
    }
    opds(language: $language) {
      code
      name
    }
  }
`);
const CreateEndpoint = graphql(`
  mutation AdminCreateWebhook($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
      }
    }
  }
`);
const DisableEndpoint = graphql(`
  mutation AdminDisableWebhook($input: DisableWebhookEndpointInput!) {
    disableWebhookEndpoint(input: $input) {
      id
      active
    }
  }
`);
const EnableEndpoint = graphql(`
  mutation AdminEnableWebhook($id: ID!) {
    enableWebhookEndpoint(id: $id) {
      id
      active
    }
  }
`);

const EVENTS: readonly WebhookEvent[] = ['TICKET_ROUTED', 'TICKET_CHANGED', 'SLA_WARNING', 'SLA_BREACHED', 'ESCALATION_RAISED'];

/** Where each OPD's system hears about its tickets: endpoints, their events, enable/disable, a new one (secret shown once). */
export function AdminWebhooks(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Webhooks, { variables: { language: apiLanguage(i18n.language) } });
  const [create, created] = useMutation(CreateEndpoint);
  const [disable, disabling] = useMutation(DisableEndpoint);
  const [enable, enabling] = useMutation(EnableEndpoint);
  const [secret, setSecret] = useState<string | null>(null);
  const [form, setForm] = useState({ opdCode: '', url: 'https://', events: new Set<WebhookEvent>(['TICKET_ROUTED']) });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void create({ variables: { input: { opdCode: form.opdCode, url: form.url.trim(), events: [...form.events] } } }).then((r) => {
      if (r.data) {
        setSecret(r.data.createWebhookEndpoint.secret);
        void refetch();
      }
    });
  };
  return (
    <>
      <ErrorText error={error ?? created.error ?? disabling.error ?? enabling.error} />
      {secret && (
        <p className="panel ok secret" role="status">
          {t('admin.secret', { secret })}
        </p>
      )}
      <table>
        <caption className="visually-hidden">{t('admin.sections.webhooks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.opd')}</th>
            <th scope="col">{t('admin.url')}</th>
            <th scope="col">{t('admin.events')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.webhookEndpoints.map((w) => (
            <tr key={w.id}>
              <td>{w.opdCode}</td>
              <th scope="row" className="clip">
                {w.url}
              </th>
              <td className="small">{w.events.join(', ')}</td>
              <td>
                {w.active ? t('admin.active') : `${t('admin.inactive')} ${w.disabledReason ?? ''}`}{' '}
                {w.active ? (
                  <button type="button" className="secondary" onClick={() => void disable({ variables: { input: { id: w.id } } }).then(() => refetch())}>
                    {t('admin.disable')}
                  </button>
                ) : (
                  <button type="button" className="secondary" onClick={() => void enable({ variables: { id: w.id } }).then(() => refetch())}>
                    {t('admin.enable')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="panel admin-form" onSubmit={submit}>
        <h2>{t('admin.createEndpoint')}</h2>
        <label htmlFor="hook-opd">{t('admin.opd')}</label>
        <OpdSelect id="hook-opd" value={form.opdCode} opds={data?.opds} onChange={(opdCode) => setForm({ ...form, opdCode })} />
        <label htmlFor="hook-url">{t('admin.url')}</label>
        <input id="hook-url" type="url" required value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
        <fieldset>
          <legend>{t('admin.events')}</legend>
          {EVENTS.map((ev) => (
            <label key={ev} className="inline">
              <input
                type="checkbox"
                checked={form.events.has(ev)}
                onChange={(e) => {
                  const events = new Set(form.events);
                  if (e.target.checked) events.add(ev);
                  else events.delete(ev);
                  setForm({ ...form, events });
                }}
              />{' '}
              {ev}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={created.loading}>
          {t('admin.create')}
        </button>
      </form>
    </>
  );
}

export function OpdSelect({ id, value, opds, onChange }: { id: string; value: string; opds: ReadonlyArray<{ code: string; name: string }> | undefined; onChange(code: string): void }): ReactNode {
  return (
    <select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="" />
      {opds?.map((o) => (
        <option key={o.code} value={o.code}>
          {o.code} · {o.name}
        </option>
      ))}
    </select>
  );
}
