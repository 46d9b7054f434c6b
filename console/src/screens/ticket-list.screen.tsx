import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { ErrorText } from '../components/error-text';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';

const TicketList = graphql(`
  query TicketList($filter: TicketFilterInput, $first: Int!) {
    tickets(filter: $filter, first: $first) {
      edges {
        node {
          id
          number
          kind
          state
          priority
          opdCode
          reportedAt
          description
        }
      }
    }
  }
`);

/** Tickets the session may see (an OPD its own), newest first; a search over number, words and place. */
export function TicketListScreen(): ReactNode {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [openOnly, setOpenOnly] = useState(true);
  const { data, error, loading } = useQuery(TicketList, {
    variables: { first: 50, filter: { text: text.trim() || null, open: openOnly ? true : null } },
  });
  const rows = data?.tickets.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('tickets.title')}</h1>
      <div className="filters">
        <label htmlFor="ticket-search">{t('tickets.search')}</label>
        <input id="ticket-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <label className="inline">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {t('tickets.openOnly')}
        </label>
      </div>
      <ErrorText error={error} />
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      <table>
        <caption className="visually-hidden">{t('tickets.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ticket.number')}</th>
            <th scope="col">{t('ticket.kind')}</th>
            <th scope="col">{t('ticket.state')}</th>
            <th scope="col">{t('ticket.opd')}</th>
            <th scope="col">{t('ticket.reportedAt')}</th>
            <th scope="col">{t('ticket.description')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link to={`/tickets/${row.id}`}>{row.number}</Link>
              </td>
              <td>{t(`kinds.${row.kind}`)}</td>
              <td>{t(`states.${row.state}`)}</td>
              <td>{row.opdCode ?? '—'}</td>
              <td>{formatDateTime(row.reportedAt, i18n.language)}</td>
              <td className="clip">{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && rows.length === 0 && <p>{t('tickets.none')}</p>}
    </section>
  );
}
