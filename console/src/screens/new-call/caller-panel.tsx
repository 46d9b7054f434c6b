import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useDebounced } from '../../app/use-debounced';
import { formatDateTime } from '../../format/wita';
import { CallerHistoryQuery } from './new-call.operations';

/** Who is calling: earlier reports from the number and any prank/hoax flag, as soon as the number is typed. */
export function CallerPanel({ phone }: { phone: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const settled = useDebounced(phone.replace(/[^\d+]/g, ''), 250);
  const { data, error } = useQuery(CallerHistoryQuery, { variables: { phone: settled }, skip: settled.replace(/\D/g, '').length < 8, fetchPolicy: 'network-only' });
  const caller = data?.callerHistory;
  if (error || !caller) return <div aria-live="polite" className="caller-panel" />;
  return (
    <div aria-live="polite" className="caller-panel panel" data-testid="caller-panel">
      {caller.flag && (
        <p className="flag" role="alert">
          <strong>{t('newCall.prankFlag')}</strong> {caller.flag.reason} ({formatDateTime(caller.flag.flaggedAt, i18n.language)})
        </p>
      )}
      <p>{t('newCall.callerCount', { count: caller.ticketCount, phone: caller.phone })}</p>
      {caller.history.length > 0 && (
        <ul className="compact">
          {caller.history.map((entry) => (
            <li key={entry.id}>
              <Link to={`/tickets/${entry.id}`} tabIndex={-1}>
                {entry.number}
              </Link>{' '}
              {t(`kinds.${entry.kind}`)} · {t(`states.${entry.state}`)} · {formatDateTime(entry.reportedAt, i18n.language)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
