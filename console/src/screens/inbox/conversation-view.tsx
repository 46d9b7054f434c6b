import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors';
import { Link } from '../../app/router';
import { useAuth } from '../../auth/auth-context';
import { ErrorText } from '../../components/error-text';
import { formatDateTime } from '../../format/wita';
import type { InboxConversationDetailQuery } from '../../gql/graphql';
import { ConversationActions, type Linked } from './conversation-actions';
import { refusalText, senderLabel } from './inbox-results';
import { InboxConversationQuery, ReleaseConversationMutation, ReplyMutation } from './inbox.operations';
import { TemplatePicker } from './template-picker';

export type Message = InboxConversationDetailQuery['channelMessages'][number];

/**
 * One conversation: who wrote on which account, its messages oldest first, and (for its holder) the reply
 * box. Free text outside WhatsApp's 24-hour window is answered CustomerWindowClosed: the screen says so
 * and offers the approved templates instead, keeping what was typed.
 */
export function ConversationView({ id, changed, onClaim, onChanged }: { id: string; changed: number; onClaim(): void; onChanged(): void }): ReactNode {
  const { t, i18n } = useTranslation();
  const { me, can } = useAuth();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(InboxConversationQuery, { variables: { id }, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [templateKeys, setTemplateKeys] = useState<readonly string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [linked, setLinked] = useState<Linked | null>(null);
  useEffect(() => {
    if (changed > 0) void refetch();
  }, [changed, refetch]);

  if (error) return <ErrorText error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const c = data.channelConversation;
  if (!c) return <p className="error" role="alert">{t('inbox.result.ConversationNotFound')}</p>;
  const mine = c.claimedBy === me?.id && c.state === 'CLAIMED';
  const messages = data.channelMessages;

  const refresh = async (): Promise<void> => {
    await refetch();
    onChanged();
  };

  const send = async (input: { text?: string; templateKey?: string }): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      // A key per attempt: a retried request (a lost answer) queues nothing twice.
      const idempotencyKey = `console:${c.id}:${crypto.randomUUID()}`;
      const res = await client.mutate({ mutation: ReplyMutation, variables: { input: { conversationId: c.id, idempotencyKey, ...input } } });
      const result = res.data?.replyToConversation;
      if (result?.__typename === 'ConversationReplyQueued') {
        setOutcome({ ok: true, text: result.replayed ? t('inbox.replayed') : result.templateName ? t('inbox.sentTemplate', { name: result.templateName }) : t('inbox.sent') });
        setText('');
        setTemplateKeys(null);
        await refresh();
        return;
      }
      if (result?.__typename === 'CustomerWindowClosed') setTemplateKeys(result.templateKeys);
      setOutcome({ ok: false, text: refusalText(t, result, i18n.language) ?? t('errors.code.UNKNOWN') });
    } catch (e) {
      setOutcome({ ok: false, text: t(`errors.code.${errorCode(e)}`, { defaultValue: t('errors.code.UNKNOWN') }) });
    } finally {
      setBusy(false);
    }
  };

  const release = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      await client.mutate({ mutation: ReleaseConversationMutation, variables: { id: c.id } });
      await refresh();
    } catch (e) {
      setOutcome({ ok: false, text: t(`errors.code.${errorCode(e)}`, { defaultValue: t('errors.code.UNKNOWN') }) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (text.trim()) void send({ text: text.trim() });
  };

  return (
    <article className="conversation-view panel" aria-labelledby="conversation-title" data-testid="conversation">
      <h2 id="conversation-title">
        {senderLabel(t, c)} · {t(`inbox.platforms.${c.platform}`)}
      </h2>
      <p className="hint" data-testid="conversation-meta">
        {t('inbox.account')}: {c.accountName} · {t(`inbox.states.${c.state}`)}
        {c.claimedBy && ` · ${c.claimedBy === me?.id ? t('inbox.heldByYou') : t('inbox.heldBy', { user: c.claimedBy })}`}
      </p>
      {linked ? (
        <p className="ok" role="status" data-testid="action-outcome">
          {linked.text} <Link to={`/tickets/${linked.ticketId}`}>{t('inbox.openTicket', { number: linked.number })}</Link>
        </p>
      ) : (
        c.ticketId && (
          <p data-testid="conversation-ticket">
            <Link to={`/tickets/${c.ticketId}`}>{t('inbox.linkedTicket')}</Link>
          </p>
        )
      )}
      {c.optedOut && <p className="hint">{t('inbox.optedOut')}</p>}
      {c.platform === 'WHATSAPP' && <p className={c.replyWindowOpen ? 'hint' : 'error'} data-testid="reply-window">{c.replyWindowOpen ? t('inbox.windowOpen') : t('inbox.windowClosedNote')}</p>}

      <h3>{t('inbox.messages')}</h3>
      {messages.length === 0 && <p>{t('inbox.noMessages')}</p>}
      <ol className="messages" aria-label={t('inbox.messages')} data-testid="messages">
        {messages.map((m) => <MessageItem key={m.id} message={m} />)}
      </ol>

      <div className="actions">
        {c.state === 'WAITING' && can('Mutation.claimConversation') && (
          <button type="button" data-testid="claim" onClick={onClaim}>
            {t('inbox.claim')}
          </button>
        )}
        {c.state === 'CLAIMED' && can('Mutation.releaseConversation') && (mine || me?.role === 'SUPERVISOR') && (
          <button type="button" className="secondary" data-testid="release" disabled={busy} onClick={() => void release()}>
            {t('inbox.release')}
          </button>
        )}
      </div>
      {outcome && (
        <p className={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-testid="reply-outcome">
          {outcome.text}
        </p>
      )}

      {!mine && c.state !== 'CLOSED' && <p className="hint">{t('inbox.claimFirst')}</p>}
      {mine && can('Mutation.replyToConversation') && (
        <>
          <form onSubmit={submit}>
            <label htmlFor="reply-text">{t('inbox.reply')}</label>
            <textarea id="reply-text" value={text} onChange={(e) => setText(e.target.value)} />
            <button type="submit" disabled={busy || !text.trim()}>
              {t('inbox.send')}
            </button>
          </form>
          {templateKeys && <TemplatePicker keys={templateKeys} language={c.language} busy={busy} onSend={(key) => void send({ templateKey: key })} />}
          <ConversationActions
            conversation={c}
            messages={messages}
            onLinked={(l) => {
              setLinked(l);
              void refresh();
            }}
          />
        </>
      )}
    </article>
  );
}

function MessageItem({ message: m }: { message: Message }): ReactNode {
  const { t, i18n } = useTranslation();
  const inbound = m.direction === 'IN';
  const place = m.location && ([m.location.name, m.location.address].filter(Boolean).join(', ') || `${m.location.latitude}, ${m.location.longitude}`);
  return (
    <li className={`message ${inbound ? 'inbound' : 'outbound'}`} data-testid={`message-${inbound ? 'in' : 'out'}`}>
      <span className="meta">
        {inbound ? t('inbox.inbound') : `${t('inbox.outbound')}${m.sentBy ? ` (${m.sentBy})` : ''}`} · {formatDateTime(m.at, i18n.language)}
        {m.templateName && ` · ${t('inbox.template', { name: m.templateName })}`}
        {m.status && ` · ${t(`inbox.messageStatus.${m.status}`, { defaultValue: m.status })}`}
      </span>
      {m.text}
      {place && <span className="meta">{t('inbox.location', { place })}</span>}
      {m.attachmentRef && <span className="meta">{t('inbox.attachment', { mime: m.attachmentMimeType ?? '?', ref: m.attachmentRef })}</span>}
      {m.status === 'FAILED' && m.statusDetail && <span className="meta error">{m.statusDetail}</span>}
    </li>
  );
}
