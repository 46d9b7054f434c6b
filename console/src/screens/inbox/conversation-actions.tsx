import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors';
import { useAuth } from '../../auth/auth-context';
import type { InboxConversationFragment, TicketKind } from '../../gql/graphql';
import { apiLanguage } from '../../i18n/i18n';
import type { Message } from './conversation-view';
import { refusalText, type ChannelResult } from './inbox-results';
import { AnswerConversationMutation, AttachToTicketMutation, InboxReferenceQuery, TicketByNumberQuery, TicketFromConversationMutation } from './inbox.operations';

type Panel = 'ticket' | 'attach' | 'answer';
/** A conversation made (or joined to) a ticket: said by the conversation view, which outlives this form. */
export interface Linked {
  readonly text: string;
  readonly ticketId: string;
  readonly number: string;
}
const KINDS: readonly TicketKind[] = ['COMPLAINT', 'EMERGENCY', 'INFORMATION'];

/** What the citizen wrote, oldest first: the description (or question) a call taker starts from. */
export function citizenText(messages: readonly Message[]): string {
  return messages
    .filter((m) => m.direction === 'IN' && m.text)
    .map((m) => m.text!.trim())
    .join('\n')
    .slice(0, 4000);
}

/**
 * What a held conversation can become: a new ticket (the API keeps the platform, account and message
 * reference on it), a join to an existing ticket named by its number, or an information request answered
 * and closed in one step. Each refusal is a typed result, said in words.
 */
export function ConversationActions({ conversation: c, messages, onLinked }: { conversation: InboxConversationFragment; messages: readonly Message[]; onLinked(linked: Linked): void }): ReactNode {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const client = useApolloClient();
  const reference = useQuery(InboxReferenceQuery, { variables: { language: apiLanguage(i18n.language) } });
  const [panel, setPanel] = useState<Panel>('ticket');
  const [kind, setKind] = useState<TicketKind>('COMPLAINT');
  const [category, setCategory] = useState('');
  const [district, setDistrict] = useState('');
  const [description, setDescription] = useState(() => citizenText(messages));
  const [number, setNumber] = useState('');
  const [answer, setAnswer] = useState('');
  const [question, setQuestion] = useState(() => citizenText(messages));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const categories = reference.data?.categories ?? [];
  const lastLocation = [...messages].reverse().find((m) => m.direction === 'IN' && m.location)?.location ?? null;

  /** Runs one mutation; a linked/answered result is a success (with its ticket), anything else a refusal. */
  const run = async (send: () => Promise<(ChannelResult & { ticketId?: string; ticketNumber?: string }) | null | undefined>, success: (n: string) => string, answering = false): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await send();
      if ((result?.__typename === 'ConversationTicketLinked' || result?.__typename === 'ConversationAnswered') && result.ticketId && result.ticketNumber) {
        onLinked({ text: success(result.ticketNumber), ticketId: result.ticketId, number: result.ticketNumber });
        return;
      }
      setRefusal(refusalText(t, result, i18n.language, answering) ?? t('errors.code.UNKNOWN'));
    } catch (e) {
      setRefusal(t(`errors.code.${errorCode(e)}`, { defaultValue: t('errors.code.UNKNOWN') }));
    } finally {
      setBusy(false);
    }
  };

  const makeTicket = (event: FormEvent): void => {
    event.preventDefault();
    const location = district || lastLocation
      ? { district: district || null, latitude: lastLocation?.latitude ?? null, longitude: lastLocation?.longitude ?? null, address: lastLocation?.address ?? lastLocation?.name ?? null }
      : null;
    const input = { conversationId: c.id, kind, categoryCode: category || null, description: description.trim() || null, location };
    void run(async () => (await client.mutate({ mutation: TicketFromConversationMutation, variables: { input } })).data?.createTicketFromConversation, (n) => t('inbox.ticketCreated', { number: n }));
  };

  const attach = (event: FormEvent): void => {
    event.preventDefault();
    const wanted = number.trim().replace(/^#/, '');
    void run(async () => {
      // A person gives the number they read; the API takes the ticket's id.
      const found = await client.query({ query: TicketByNumberQuery, variables: { text: wanted }, fetchPolicy: 'network-only' });
      const ticket = found.data?.tickets.edges.map((e) => e.node).find((n) => n.number.toUpperCase() === wanted.toUpperCase());
      if (!ticket) return { __typename: 'TicketNumberNotFound', message: wanted };
      return (await client.mutate({ mutation: AttachToTicketMutation, variables: { conversationId: c.id, ticketId: ticket.id } })).data?.attachConversationToTicket;
    }, (n) => t('inbox.ticketAttached', { number: n }));
  };

  const answerRequest = (event: FormEvent): void => {
    event.preventDefault();
    const input = { conversationId: c.id, answer: answer.trim(), question: question.trim() || null, categoryCode: category || null, idempotencyKey: `console:${c.id}:${crypto.randomUUID()}` };
    void run(async () => (await client.mutate({ mutation: AnswerConversationMutation, variables: { input } })).data?.answerConversation, (n) => t('inbox.answered', { number: n }), true);
  };

  const tabs: Array<[Panel, string, string]> = [
    ['ticket', t('inbox.makeTicket'), 'Mutation.createTicketFromConversation'],
    ['attach', t('inbox.attach'), 'Mutation.attachConversationToTicket'],
    ['answer', t('inbox.answer'), 'Mutation.answerConversation'],
  ];
  const categorySelect = (id: string): ReactNode => (
    <>
      <label htmlFor={id}>{t('inbox.category')}</label>
      <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
        <option value="">{t('inbox.none')}</option>
        {categories.map((cat) => (
          <option key={cat.code} value={cat.code}>
            {cat.name}
          </option>
        ))}
      </select>
    </>
  );

  if (c.ticketId) return null;
  return (
    <div className="conversation-actions" data-testid="conversation-actions">
      <div className="inbox-tabs" role="group" aria-label={t('inbox.actions')}>
        {tabs.filter(([, , op]) => can(op)).map(([key, label]) => (
          <button key={key} type="button" className="secondary" aria-pressed={panel === key} onClick={() => setPanel(key)}>
            {label}
          </button>
        ))}
      </div>
      {refusal && (
        <p className="error" role="alert" data-testid="action-outcome">
          {refusal}
        </p>
      )}
      {panel === 'ticket' && (
        <form onSubmit={makeTicket} aria-label={t('inbox.makeTicket')}>
          <label htmlFor="ticket-kind">{t('inbox.kind')}</label>
          <select id="ticket-kind" value={kind} onChange={(e) => setKind(e.target.value as TicketKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
          {categorySelect('ticket-category')}
          <label htmlFor="ticket-district">{t('inbox.district')}</label>
          <select id="ticket-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
            <option value="">{t('inbox.none')}</option>
            {(reference.data?.districts ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          <label htmlFor="ticket-description">{t('inbox.description')}</label>
          <textarea id="ticket-description" value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('inbox.createTicket')}
          </button>
        </form>
      )}
      {panel === 'attach' && (
        <form onSubmit={attach} aria-label={t('inbox.attach')}>
          <label htmlFor="attach-number">{t('inbox.ticketNumber')}</label>
          <input id="attach-number" value={number} aria-describedby="attach-number-hint" onChange={(e) => setNumber(e.target.value)} />
          <p className="hint" id="attach-number-hint">
            {t('inbox.ticketNumberHint')}
          </p>
          <button type="submit" disabled={busy || !number.trim()}>
            {t('inbox.attachButton')}
          </button>
        </form>
      )}
      {panel === 'answer' && (
        <form onSubmit={answerRequest} aria-label={t('inbox.answer')}>
          <label htmlFor="answer-question">{t('inbox.question')}</label>
          <textarea id="answer-question" value={question} onChange={(e) => setQuestion(e.target.value)} />
          {categorySelect('answer-category')}
          <label htmlFor="answer-text">{t('inbox.answerText')}</label>
          <textarea id="answer-text" required value={answer} onChange={(e) => setAnswer(e.target.value)} />
          <button type="submit" disabled={busy || !answer.trim()}>
            {t('inbox.answerButton')}
          </button>
        </form>
      )}
    </div>
  );
}
