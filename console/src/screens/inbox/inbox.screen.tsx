import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import './inbox-i18n';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors';
import { useRouter } from '../../app/router';
import { useAuth } from '../../auth/auth-context';
import { ErrorText } from '../../components/error-text';
import { formatCountdown } from '../../format/wita';
import type { InboxConversationFragment } from '../../gql/graphql';
import { ConversationView } from './conversation-view';
import { refusalText, senderLabel } from './inbox-results';
import { ClaimConversationMutation, ConversationUpdatedSubscription, InboxConversationsQuery } from './inbox.operations';

/** Ticks once a second so waiting times grow between the server's pushes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** Longest waiting first (as the API orders them); the claimed ones after, oldest claim first. */
export function byWaitingTime(a: InboxConversationFragment, b: InboxConversationFragment): number {
  const key = (c: InboxConversationFragment): [number, number] => (c.waitingSince && c.state === 'WAITING' ? [0, Date.parse(c.waitingSince)] : [1, Date.parse(c.claimedAt ?? c.lastInboundAt ?? '') || 0]);
  const [ga, ta] = key(a);
  const [gb, tb] = key(b);
  return ga - gb || ta - tb;
}

/**
 * The call centre's social inbox: the open conversations of every official account, longest waiting
 * first, kept current by the `conversationUpdated` subscription (each notice makes the list, and the open
 * conversation, read again: the notice says that something changed, the queries say what). A call taker
 * claims a conversation (of two at once one wins; the other is told who did), reads and answers it, and
 * makes it a ticket, joins it to one, or answers an information request, beside the list.
 */
export function InboxScreen({ selectedId }: { selectedId?: string }): ReactNode {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { navigate } = useRouter();
  const client = useApolloClient();
  const now = useNow();
  // The notices keep the list current; the slow poll covers what a dropped socket missed while it reconnected.
  const list = useQuery(InboxConversationsQuery, { notifyOnNetworkStatusChange: false, pollInterval: 30_000 });
  const [changed, setChanged] = useState(0);
  const feed = useSubscription(ConversationUpdatedSubscription, {
    onData: ({ data }) => {
      void list.refetch();
      if (data.data?.conversationUpdated.conversationId === selectedId) setChanged((n) => n + 1);
    },
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const rows = [...(list.data?.channelConversations ?? [])].sort(byWaitingTime);
  const mayClaim = can('Mutation.claimConversation');

  const claim = async (id: string): Promise<void> => {
    setBusy(id);
    setNotice(null);
    try {
      const res = await client.mutate({ mutation: ClaimConversationMutation, variables: { id } });
      const result = res.data?.claimConversation;
      if (result?.__typename === 'ConversationClaimed') navigate(`/inbox/${id}`);
      else setNotice(refusalText(t, result, ''));
      await list.refetch();
    } catch (e) {
      setNotice(t(`errors.code.${errorCode(e)}`, { defaultValue: t('errors.code.UNKNOWN') }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title" tabIndex={-1}>
          {t('inbox.title')}
        </h1>
        <span role="status" className="hint" data-testid="inbox-status">
          {feed.error ? '' : list.data ? t('inbox.live') : t('inbox.connecting')}
        </span>
      </div>
      <ErrorText error={list.error ?? feed.error} />
      {notice && (
        <p className="error" role="alert" data-testid="inbox-notice">
          {notice}
        </p>
      )}
      <div className="inbox-grid">
        <div className="inbox-list-wrap">
          {list.data && rows.length === 0 && <p>{t('inbox.empty')}</p>}
          {rows.length > 0 && (
            <table className="inbox-list" data-testid="inbox-list">
              <caption className="visually-hidden">{t('inbox.listLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.platform')}</th>
                  <th scope="col">{t('inbox.sender')}</th>
                  <th scope="col">{t('inbox.waiting')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                  <th scope="col">{t('inbox.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-testid="inbox-row" data-conversation={c.id} aria-current={c.id === selectedId ? 'true' : undefined}>
                    <td>
                      {t(`inbox.platforms.${c.platform}`)}
                      <br />
                      <span className="hint">{c.accountName}</span>
                    </td>
                    <td>{senderLabel(t, c)}</td>
                    <td className="waiting">{c.state === 'WAITING' && c.waitingSince ? formatCountdown(Math.max(0, now - Date.parse(c.waitingSince))) : t('inbox.notWaiting')}</td>
                    <td>
                      {t(`inbox.states.${c.state}`)}
                      {c.claimedBy && (
                        <>
                          <br />
                          <span className="hint">{c.claimedBy === me?.id ? t('inbox.heldByYou') : t('inbox.heldBy', { user: c.claimedBy })}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <div className="actions">
                        <button type="button" className="secondary" onClick={() => navigate(`/inbox/${c.id}`)}>
                          {t('inbox.open')} <span className="visually-hidden">{senderLabel(t, c)}</span>
                        </button>
                        {mayClaim && c.claimedBy !== me?.id && c.state === 'WAITING' && (
                          <button type="button" disabled={busy === c.id} onClick={() => void claim(c.id)}>
                            {t('inbox.claim')} <span className="visually-hidden">{senderLabel(t, c)}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          {selectedId ? (
            <ConversationView key={selectedId} id={selectedId} changed={changed} onClaim={() => void claim(selectedId)} onChanged={() => void list.refetch()} />
          ) : (
            <p className="hint">{t('inbox.selectOne')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
