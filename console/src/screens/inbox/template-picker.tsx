import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../components/error-text';
import { ChannelTemplatesQuery } from './inbox.operations';

/**
 * The approved templates the API named in CustomerWindowClosed (the only messages WhatsApp takes outside
 * its 24-hour window), each shown with its text in the citizen's language (else Indonesian, else English:
 * the order the dispatcher picks in), to choose one and send it.
 */
export function TemplatePicker({ keys, language, busy, onSend }: { keys: readonly string[]; language: string | null; busy: boolean; onSend(key: string): void }): ReactNode {
  const { t } = useTranslation();
  const { data, error } = useQuery(ChannelTemplatesQuery);
  const [chosen, setChosen] = useState<string | null>(keys.length === 1 ? keys[0]! : null);
  const wanted = (language ?? 'id').split('-')[0]!.toLowerCase();
  const bodyOf = (key: string): string => {
    const rows = (data?.channelTemplates ?? []).filter((r) => r.key === key);
    const row = rows.find((r) => r.language === wanted) ?? rows.find((r) => r.language === 'id') ?? rows.find((r) => r.language === 'en');
    return row?.body ?? '';
  };
  return (
    <fieldset data-testid="template-picker">
      <legend>{t('inbox.templates')}</legend>
      <ErrorText error={error} />
      {keys.length === 0 && <p className="error">{t('inbox.noTemplates')}</p>}
      <div className="template-choice" role="radiogroup" aria-label={t('inbox.templates')}>
        {keys.map((key) => (
          <label key={key} className="inline">
            <input type="radio" name="template" value={key} checked={chosen === key} onChange={() => setChosen(key)} />
            <span>
              <strong>{key}</strong>
              {bodyOf(key) && <> — {bodyOf(key)}</>}
            </span>
          </label>
        ))}
      </div>
      {keys.length > 0 && (
        <button type="button" data-testid="send-template" disabled={busy || !chosen} onClick={() => chosen && onSend(chosen)}>
          {t('inbox.sendTemplate')}
        </button>
      )}
    </fieldset>
  );
}
