import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import '../ops/ops-i18n';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouter } from '../app/router';
import { useAuth } from '../auth/auth-context';
import { ErrorText } from '../components/error-text';
import { formatCountdown, formatDateTime, formatTime } from '../format/wita';
import { graphql } from '../gql';
import type { SlaBoardLiveSubscription } from '../gql/graphql';
import { percentText, slaLevel } from '../ops/sla-level';

const BoardFeed = graphql(`
  subscription SlaBoardLive {
    slaBoard {
      asOf
      breached
      emergencies {
        ticketId
        number
        opdCode
        categoryCode
        priority
        state
        reportedAt
        worstPercentElapsed
        breached
        clocks {
          metric
          state
          targetMinutes
          dueAt
          percentElapsed
          stoppedAt
        }
      }
      entries {
        ticketId
        number
        kind
        opdCode
        metric
        state
        dueAt
        breachedAt
        targetMinutes
        percentElapsed
      }
    }
  }
`);

const OpenEscalations = graphql(`
  query OpenEscalations {
    escalations(filter: { acknowledged: false, first: 50 }) {
      id
      ticketId
      ticketNumber
      metric
      thresholdPct
      breach
      opdCode
      dueAt
      recordedAt
    }
  }
`);

const EscalationFeed = graphql(`
  subscription EscalationFeed {
    escalationRaised {
      cursor
    }
  }
`);

const AcknowledgeEscalation = graphql(`
  mutation AcknowledgeEscalation($id: ID!) {
    acknowledgeEscalation(id: $id) {
      id
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

type Board = SlaBoardLiveSubscription['slaBoard'];
type Emergency = Board['emergencies'][number];

/** Ticks once a second so countdowns move between the server's pushes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * The supervisors' wall screen: open emergencies by time to breach, coloured by the percent of the
 * target used, the other breached clocks, and the escalations still to acknowledge. Everything comes
 * live from the `slaBoard` and `escalationRaised` subscriptions (the board is pushed whole on every
 * change and every 30 s, so a reconnect misses nothing); countdowns tick locally between pushes.
 * `?wall=1` is the wall-screen mode: no navigation, large type.
 */
export function SlaBoardScreen(): ReactNode {
  const { t, i18n } = useTranslation();
  const { path, navigate } = useRouter();
  const { can } = useAuth();
  const wall = new URLSearchParams(path.split('?')[1] ?? '').get('wall') === '1';
  const tick = useNow();
  const feed = useSubscription(BoardFeed);
  const board = feed.data?.slaBoard;
  // Countdowns run on the server's time: its `asOf` plus what passed here since the board arrived, so a
  // wall screen whose own clock is off still shows the server's remaining time.
  const [received, setReceived] = useState({ asOf: 0, at: 0 });
  useEffect(() => {
    if (board) setReceived({ asOf: Date.parse(board.asOf), at: Date.now() });
  }, [board]);
  const now = received.at ? received.asOf + (tick - received.at) : tick;

  useEffect(() => {
    document.body.classList.toggle('wall-mode', wall);
    return () => document.body.classList.remove('wall-mode');
  }, [wall]);

  return (
    <section className={wall ? 'sla-board wall' : 'sla-board'} aria-labelledby="board-title">
      <div className="board-head">
        <h1 id="board-title" tabIndex={-1}>
          {t('board.title')}
        </h1>
        {/* Only the connection is announced: the time changes with every push (every 30 s at least). */}
        <p className="board-status" data-testid="board-status">
          <span role="status">{board ? t('board.live') : t('board.connecting')}</span>
          {board && ` · ${t('board.asOf', { time: formatTime(board.asOf, i18n.language) })}`}
          {board && board.breached > 0 && <span className="badge danger">{t('board.breachedCount', { count: board.breached })}</span>}
        </p>
        <button type="button" className="secondary" onClick={() => navigate(wall ? '/board' : '/board?wall=1')}>
          {wall ? t('board.leaveWall') : t('board.wall')}
        </button>
      </div>
      <ErrorText error={feed.error} />
      <div className="board-columns">
        <div>
          <h2>{t('board.emergencies')}</h2>
          {board && board.emergencies.length === 0 && <p>{t('board.noEmergencies')}</p>}
          <ol className="emergencies" aria-label={t('board.emergencies')}>
            {board?.emergencies.map((e) => <EmergencyCard key={e.ticketId} emergency={e} now={now} />)}
          </ol>
          <h2>{t('board.otherBreaches')}</h2>
          <OtherBreaches board={board} now={now} />
        </div>
        {can('Query.escalations') && <EscalationList canAcknowledge={can('Mutation.acknowledgeEscalation')} />}
      </div>
    </section>
  );
}

function EmergencyCard({ emergency: e, now }: { emergency: Emergency; now: number }): ReactNode {
  const { t, i18n } = useTranslation();
  const level = slaLevel(e.worstPercentElapsed, e.breached && e.worstPercentElapsed !== null);
  const running = e.clocks.filter((c) => c.state === 'RUNNING' || c.state === 'PAUSED' || (c.state === 'BREACHED' && !c.stoppedAt));
  return (
    <li className={`emergency level-${level}`} data-testid={`emergency-${e.number ?? e.ticketId}`} data-level={level}>
      <div className="emergency-head">
        <Link to={`/tickets/${e.ticketId}`}>{e.number}</Link>
        <span className={`badge level-${level}`}>{t(`board.level.${level}`)}</span>
      </div>
      <p className="emergency-meta">
        {e.opdCode ?? '—'} · {e.categoryCode ?? '—'} · {t(`states.${e.state}`)} · {formatDateTime(e.reportedAt, i18n.language)}
      </p>
      <ul className="clocks">
        {e.clocks
          .filter((c) => c.state !== 'NOT_APPLICABLE' && c.state !== 'CANCELLED')
          .map((c) => {
            const counting = running.includes(c);
            const clockLevel = counting ? slaLevel(c.percentElapsed, c.state === 'BREACHED') : c.state === 'BREACHED' ? 'breach' : 'done';
            return (
              <li key={c.metric} className={`clock level-${clockLevel}`}>
                <span className="clock-name">{t(`metrics.${c.metric}`)}</span>
                <ClockBar percent={counting ? c.percentElapsed : c.state === 'MET' ? null : c.percentElapsed} level={clockLevel} />
                <span className="clock-figure">
                  {counting && c.dueAt
                    ? remaining(t, new Date(c.dueAt).getTime() - now)
                    : `${t(`clockStates.${c.state}`)}${c.percentElapsed !== null ? ` · ${t('board.percent', { percent: percentText(c.percentElapsed) })}` : ''}`}
                </span>
              </li>
            );
          })}
      </ul>
    </li>
  );
}

function remaining(t: (key: string, options?: Record<string, unknown>) => string, ms: number): string {
  return ms >= 0 ? t('board.left', { time: formatCountdown(ms) }) : t('board.overdue', { time: formatCountdown(-ms) });
}

/** The share of the target used, as an SVG bar (attributes, not inline styles: the console's CSP has no 'unsafe-inline'). */
function ClockBar({ percent, level }: { percent: number | null | undefined; level: string }): ReactNode {
  const width = Math.max(0, Math.min(100, percent ?? 100));
  return (
    <svg className={`clock-bar level-${level}`} viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="track" x="0" y="0" width="100" height="8" rx="2" />
      <rect className="fill" x="0" y="0" width={width} height="8" rx="2" />
    </svg>
  );
}

function OtherBreaches({ board, now }: { board: Board | undefined; now: number }): ReactNode {
  const { t } = useTranslation();
  const rows = board?.entries.filter((e) => e.kind !== 'EMERGENCY' && e.breachedAt) ?? [];
  if (board && rows.length === 0) return <p>{t('board.noBreaches')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{t('board.otherBreaches')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ticket.number')}</th>
          <th scope="col">{t('ticket.kind')}</th>
          <th scope="col">{t('ticket.opd')}</th>
          <th scope="col">{t('compliance.metric')}</th>
          <th scope="col">{t('compliance.percent')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={`${e.ticketId}-${e.metric}`}>
            <td>
              <Link to={`/tickets/${e.ticketId}`}>{e.number}</Link>
            </td>
            <td>{t(`kinds.${e.kind}`)}</td>
            <td>{e.opdCode ?? '—'}</td>
            <td>{t(`metrics.${e.metric}`)}</td>
            <td className="level-breach">{e.dueAt ? remaining(t, new Date(e.dueAt).getTime() - now) : t(`clockStates.${e.state}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EscalationList({ canAcknowledge }: { canAcknowledge: boolean }): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(OpenEscalations);
  // A new warning or breach: read the list again (the subscription says that, the query says what).
  useSubscription(EscalationFeed, { onData: () => void refetch() });
  const [acknowledge, ack] = useMutation(AcknowledgeEscalation);
  const rows = data?.escalations ?? [];
  return (
    <aside className="escalations" aria-labelledby="escalations-title">
      <h2 id="escalations-title">{t('board.escalations')}</h2>
      <ErrorText error={error ?? ack.error} />
      {data && rows.length === 0 && <p>{t('board.noEscalations')}</p>}
      <ul>
        {rows.map((e) => (
          <li key={e.id} className={e.breach ? 'level-breach' : 'level-warn'} data-testid="escalation">
            <Link to={`/tickets/${e.ticketId}`}>{e.ticketNumber}</Link> · {t(`metrics.${e.metric}`)} ·{' '}
            {e.breach ? t('board.breach') : t('board.warning', { pct: e.thresholdPct })} · {e.opdCode ?? '—'}
            <br />
            <span className="hint">{t('board.due', { time: formatDateTime(e.dueAt, i18n.language) })}</span>
            {canAcknowledge && (
              <button
                type="button"
                className="secondary"
                disabled={ack.loading}
                onClick={() => void acknowledge({ variables: { id: e.id } }).then(() => refetch())}
              >
                {t('board.acknowledge')} <span className="visually-hidden">{e.ticketNumber}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
