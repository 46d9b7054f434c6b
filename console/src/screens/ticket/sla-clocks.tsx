import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, formatDateTime } from '../../format/wita';
import type { TicketDetailQuery } from '../../gql/graphql';

type Clock = NonNullable<TicketDetailQuery['ticket']>['sla'][number];

/**
 * The ticket's SLA clocks. The server says how many business minutes were left when it answered (by its
 * own clock); the countdown runs on from there by the browser's clock, and starts over at every reload.
 */
export function SlaClocks({ clocks, fetchedAt }: { clocks: readonly Clock[]; fetchedAt: number }): ReactNode {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (clocks.length === 0) return <p>{t('detail.noClocks')}</p>;
  return (
    <table data-testid="sla-clocks">
      <caption className="visually-hidden">{t('detail.sla')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('detail.metric')}</th>
          <th scope="col">{t('detail.clockState')}</th>
          <th scope="col">{t('detail.due')}</th>
          <th scope="col">{t('detail.remaining')}</th>
        </tr>
      </thead>
      <tbody>
        {clocks.map((clock) => {
          const running = clock.state === 'RUNNING' && clock.remainingMinutes !== null && clock.remainingMinutes !== undefined;
          const remainingMs = running ? clock.remainingMinutes! * 60_000 - Math.max(0, now - fetchedAt) : null;
          const tone = remainingMs === null ? '' : remainingMs < 0 ? 'danger' : (clock.percentElapsed ?? 0) >= 75 ? 'warn' : 'ok';
          return (
            <tr key={clock.metric}>
              <th scope="row">{t(`metrics.${clock.metric}`, { defaultValue: clock.metric })}</th>
              <td>{t(`clockStates.${clock.state}`, { defaultValue: clock.state })}</td>
              <td>{formatDateTime(clock.dueAt, i18n.language)}</td>
              <td>
                {remainingMs === null ? '—' : <span className={`badge ${tone}`} data-testid={`countdown-${clock.metric}`}>{formatCountdown(remainingMs)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
