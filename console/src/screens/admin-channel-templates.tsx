import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { AdminChannelTemplatesQuery } from '../gql/graphql';
import { AdminError } from './admin-error';

const Templates = graphql(`
  query AdminChannelTemplates {
    channelTemplates {
      id
      key
      language
      body
      whatsappName
      version
      updatedAt
      updatedBy
    }
  }
`);
const UpdateTemplate = graphql(`
  mutation AdminUpdateChannelTemplate($input: UpdateChannelTemplateInput!) {
    updateChannelTemplate(input: $input) {
      id
      version
      body
      whatsappName
    }
  }
`);

type Template = AdminChannelTemplatesQuery['channelTemplates'][number];

/**
 * What citizens are told at each milestone, per key and language, and the approved WhatsApp template
 * sent instead outside the 24-hour window. The version seen goes back with an edit, so two admins
 * editing the same text are told rather than one silently overwriting the other.
 */
export function AdminChannelTemplates(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(Templates);
  const [editing, setEditing] = useState<string | null>(null);
  const templates = [...(data?.channelTemplates ?? [])].sort((a, b) => a.key.localeCompare(b.key) || a.language.localeCompare(b.language));
  return (
    <>
      <AdminError error={error} />
      <p className="hint">{t('adminChannels.templates.hint')}</p>
      <table data-testid="channel-templates">
        <caption>{t('admin.sections.templates')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminChannels.templates.key')}</th>
            <th scope="col">{t('adminChannels.templates.language')}</th>
            <th scope="col">{t('adminChannels.templates.body')}</th>
            <th scope="col">{t('adminChannels.templates.whatsappName')}</th>
            <th scope="col">{t('adminChannels.updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('adminChannels.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {templates.map((tpl) => (
            <tr key={tpl.id} data-testid={`template-${tpl.key}-${tpl.language}`}>
              <th scope="row">{t(`adminChannels.templates.keys.${tpl.key}`, { defaultValue: tpl.key })}</th>
              <td>{tpl.language}</td>
              <td>{tpl.body}</td>
              <td>{tpl.whatsappName ? <code>{tpl.whatsappName}</code> : '—'}</td>
              <td>
                {formatDateTime(tpl.updatedAt, i18n.language)} · {tpl.updatedBy} · v{tpl.version}
              </td>
              <td>
                <button type="button" className="secondary" aria-expanded={editing === tpl.id} onClick={() => setEditing(editing === tpl.id ? null : tpl.id)}>
                  {t('adminChannels.edit')}{' '}
                  <span className="visually-hidden">
                    {tpl.key} {tpl.language}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {templates
        .filter((tpl) => tpl.id === editing)
        .map((tpl) => (
          <TemplateEdit key={tpl.id} template={tpl} onDone={() => (setEditing(null), void refetch())} onRefused={() => void refetch()} />
        ))}
    </>
  );
}

function TemplateEdit({ template, onDone, onRefused }: { template: Template; onDone(): void; onRefused(): void }): ReactNode {
  const { t } = useTranslation();
  const [body, setBody] = useState(template.body);
  const [whatsappName, setWhatsappName] = useState(template.whatsappName ?? '');
  const [update, updating] = useMutation(UpdateTemplate);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const input = { key: template.key, language: template.language, version: template.version, body, whatsappName: whatsappName.trim() || null };
    // A refusal reloads the list: after a conflict the form then carries the newer version (the text typed stays).
    void update({ variables: { input } }).then(onDone, onRefused);
  };
  const title = t('adminChannels.templates.editTitle', { key: template.key, language: template.language });
  return (
    <form className="admin-form panel" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <AdminError error={updating.error} />
      <label htmlFor="template-body">{t('adminChannels.templates.body')}</label>
      <textarea id="template-body" required rows={4} aria-describedby="template-body-hint" value={body} onChange={(e) => setBody(e.target.value)} />
      <p className="hint" id="template-body-hint">
        {t('adminChannels.templates.placeholders', { ticketNumber: '{{ticketNumber}}', opdName: '{{opdName}}' })}
      </p>
      <label htmlFor="template-whatsapp">{t('adminChannels.templates.whatsappName')}</label>
      <input id="template-whatsapp" aria-describedby="template-whatsapp-hint" value={whatsappName} onChange={(e) => setWhatsappName(e.target.value)} />
      <p className="hint" id="template-whatsapp-hint">
        {t('adminChannels.templates.whatsappHint')}
      </p>
      <button type="submit" disabled={updating.loading}>
        {t('common.save')}
      </button>
    </form>
  );
}
