import { useQuery, useSubscription } from '@apollo/client/react';
import '../ops/ops-i18n';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { ErrorText } from '../components/error-text';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';

const FieldQueue = graphql(`
  query FieldQueue {
    tickets(filter: { open: true, states: [DISPATCHED, ACKNOWLEDGED, EN_ROUTE, ON_SITE, ON_HOLD] }, first: 50, sort: REPORTED_AT_ASC) {
      edges {
        node {
          id
          number
          kind
          priority
          state
          categoryCode
          reportedAt
          description
          assignedUnit
          location {
            district
            village
            address
          }
        }
      }
    }
  }
`);

const QueueChanges = graphql(`
  subscription QueueChanges {
    ticketEvents {
      cursor
    }
  }
`);

/**
 * The OPD's own queue (the API scopes `tickets` to the officer's OPD), phone-sized: one card per ticket
 * waiting for the OPD, emergencies first, oldest first; it reloads when one of the OPD's tickets changes.
 */
export function FieldQueueScreen(): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(FieldQueue);
  useSubscription(QueueChanges, { onData: () => void refetch() });
  const rows = [...(data?.tickets.edges.map((e) => e.node) ?? [])].sort((a, b) => Number(b.kind === 'EMERGENCY') - Number(a.kind === 'EMERGENCY'));
  return (
    <section className="field">
      <h1 tabIndex={-1}>{t('field.title')}</h1>
      <ErrorText error={error} />
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && rows.length === 0 && <p>{t('field.none')}</p>}
      <ul className="cards">
        {rows.map((row) => (
          <li key={row.id} className={`card ${row.kind === 'EMERGENCY' ? 'emergency-card' : ''}`} data-testid={`queue-${row.number}`}>
            <div className="card-head">
              <Link to={`/queue/${row.id}`}>{row.number}</Link>
              <span className="badge">{t(`states.${row.state}`)}</span>
            </div>
            <p>
              {t(`kinds.${row.kind}`)} · {row.categoryCode ?? '—'} · {formatDateTime(row.reportedAt, i18n.language)}
            </p>
            <p className="hint">{[row.location.village, row.location.district, row.location.address].filter(Boolean).join(', ') || '—'}</p>
            <p className="clip">{row.description}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
