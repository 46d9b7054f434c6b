import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/use-debounced';
import { formatDateTime } from '../../format/wita';
import type { DuplicateDraftInput } from '../../gql/graphql';
import { DuplicatesQuery } from './new-call.operations';

/**
 * Open tickets that may be the same incident, looked up while the call taker types (description, category,
 * place); each with a one-click "same as #…" that records this call onto it.
 */
export function DuplicatePanel(props: { draft: DuplicateDraftInput; onSameAs(id: string, number: string): void; busy: boolean }): ReactNode {
  const { t, i18n } = useTranslation();
  const draft = useDebounced(props.draft, 300);
  // The API searches around a point, or in a village of a district: until then there is nothing to ask.
  const enough = (draft.latitude != null && draft.longitude != null) || (Boolean(draft.district) && Boolean(draft.village));
  const { data } = useQuery(DuplicatesQuery, { variables: { draft }, skip: !enough, fetchPolicy: 'network-only' });
  const candidates = enough ? (data?.duplicateCandidates.candidates ?? []) : [];
  return (
    <section aria-live="polite" aria-labelledby="duplicates-title" className="duplicates" data-testid="duplicates">
      <h2 id="duplicates-title">{t('newCall.duplicates', { count: candidates.length })}</h2>
      <ul className="compact">
        {candidates.map((c) => (
          <li key={c.id} className="panel">
            <strong>{c.number}</strong> · {t(`states.${c.state}`)} · {formatDateTime(c.reportedAt, i18n.language)}
            {c.village ? ` · ${c.village}` : ''} · {Math.round(c.score * 100)}%
            <br />
            <span className="hint">{c.reasons.join(', ')}</span>
            <br />
            <button type="button" className="secondary" disabled={props.busy} onClick={() => props.onSameAs(c.id, c.number)}>
              {t('newCall.sameAs', { number: c.number })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
