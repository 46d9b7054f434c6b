import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/errors';
import { useAuth } from '../../auth/auth-context';
import { ErrorText } from '../../components/error-text';
import { formatDateTime } from '../../format/wita';
import type { TicketDetailQuery } from '../../gql/graphql';
import { SlaClocks } from './sla-clocks';
import { COMMANDS, commandInput, type ScreenCommand } from './ticket-commands';
import { AddNoteMutation, TicketDetailQuery as TicketDetailDocument, TicketEventsSubscription } from './ticket.operations';

type Ticket = NonNullable<TicketDetailQuery['ticket']>;
type Event = Ticket['events'][number];
type Result = { __typename?: string; message?: string; problems?: readonly string[] } | null | undefined;

/** What happened after the version this person was looking at: the answer to a VersionConflict. */
interface Conflict {
  readonly seen: number;
  readonly current: number;
  readonly changes: readonly Event[];
}

/**
 * One ticket: its history, SLA clocks counting down, notes, files, and the commands its state allows
 * (`allowedCommands`) that this session may use. Every command sends the version shown; when someone
 * changed the ticket meanwhile, the screen reloads and says what changed, keeping what was typed.
 */
export function TicketDetailScreen({ id }: { id: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const client = useApolloClient();
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const { data, error, refetch } = useQuery(TicketDetailDocument, { variables: { id }, fetchPolicy: 'network-only', notifyOnNetworkStatusChange: false });
  const [noteText, setNoteText] = useState('');
  const [visibility, setVisibility] = useState<'INTERNAL' | 'PUBLIC'>('INTERNAL');
  const [commandText, setCommandText] = useState('');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ticket = data?.ticket;
  // Live: someone else's change is announced at once (not applied under the user's hands: they reload).
  const live = useSubscription(TicketEventsSubscription, { variables: { filter: { ticketId: id } } });
  const newerVersion = live.data && ticket && live.data.ticketEvents.version > ticket.version ? live.data.ticketEvents.version : null;

  const reload = async (): Promise<Ticket | null> => {
    const fresh = await refetch();
    setFetchedAt(Date.now());
    return fresh.data?.ticket ?? null;
  };

  /** Runs one command; true when it changed the ticket. */
  const run = async (send: () => Promise<Result>): Promise<boolean> => {
    if (!ticket) return false;
    setBusy(true);
    setProblem(null);
    const seen = ticket.version;
    try {
      const result = await send();
      if (result?.__typename === 'TicketChanged') {
        setConflict(null);
        await reload();
        return true;
      }
      if (result?.__typename === 'VersionConflict') {
        const fresh = await reload();
        setConflict({ seen, current: fresh?.version ?? seen, changes: (fresh?.events ?? []).filter((e) => e.seq > seen) });
        return false;
      }
      setProblem([result?.message, ...(result?.problems ?? [])].filter(Boolean).join(' · '));
      return false;
    } catch (e) {
      setProblem(t(`errors.code.${errorCode(e)}`, { defaultValue: t('errors.code.UNKNOWN') }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorText error={error} />;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!ticket) return <section><h1 tabIndex={-1}>{t('errors.notFoundTitle')}</h1><p>{t('detail.notFound')}</p></section>;

  const addNote = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const ok = await run(async () => (await client.mutate({ mutation: AddNoteMutation, variables: { input: { ticketId: ticket.id, expectedVersion: ticket.version, text: noteText.trim(), visibility } } })).data?.addNote);
    if (ok) setNoteText('');
  };
  const commands = (Object.keys(COMMANDS) as ScreenCommand[]).filter((c) => ticket.allowedCommands.includes(c) && can(COMMANDS[c].operation));
  const runCommand = async (command: ScreenCommand): Promise<void> => {
    const input = commandInput(command, ticket.id, ticket.version, commandText);
    const ok = await run(async () => {
      const res = await client.mutate({ mutation: COMMANDS[command].document, variables: { input } as never });
      const data = res.data as Record<string, Result> | undefined;
      return data ? Object.values(data)[0] : null;
    });
    if (ok) setCommandText('');
  };

  return (
    <section className="ticket-detail">
      <h1 tabIndex={-1}>
        {ticket.number} · {t(`states.${ticket.state}`)}
      </h1>
      <p className="hint" data-testid="ticket-version">
        {t(`kinds.${ticket.kind}`)} · {ticket.categoryCode ?? '—'} · {ticket.opdCode ?? '—'} · {t('detail.reported')} {formatDateTime(ticket.reportedAt, i18n.language)} · v{ticket.version}
      </p>
      {conflict && (
        <div className="panel conflict" role="alert" data-testid="conflict">
          <p><strong>{t('detail.conflict', { seen: conflict.seen, current: conflict.current })}</strong></p>
          <ul>
            {conflict.changes.map((e) => (
              <li key={e.id}>{describeEvent(e, t, i18n.language)}</li>
            ))}
          </ul>
          <p>{t('detail.conflictRetry')}</p>
        </div>
      )}
      {problem && <p className="error" role="alert">{problem}</p>}
      {newerVersion !== null && !conflict && (
        <div className="panel conflict" role="status" data-testid="changed-elsewhere">
          {t('detail.changedElsewhere', { version: newerVersion })}{' '}
          <button type="button" className="secondary" onClick={() => void reload()}>{t('detail.reload')}</button>
        </div>
      )}
      {ticket.channelPlatform && (
        <p className="hint" data-testid="ticket-channel">
          {t('ticketChannel.line', { platform: ticket.channelPlatform, account: ticket.channelAccount ?? '—', reference: ticket.channelReference ?? '—' })}
        </p>
      )}
      <p className="description">{ticket.description}</p>
      <p>
        {[ticket.location.address, ticket.location.village, ticket.location.district].filter(Boolean).join(', ') || '—'}
        {ticket.location.latitude != null && ` (${ticket.location.latitude}, ${ticket.location.longitude})`}
      </p>

      <h2>{t('detail.sla')}</h2>
      <SlaClocks clocks={ticket.sla} fetchedAt={fetchedAt} />

      {commands.length > 0 && (
        <>
          <h2>{t('detail.commands')}</h2>
          <label htmlFor="command-text">{t('detail.commandText')}</label>
          <textarea id="command-text" value={commandText} onChange={(e) => setCommandText(e.target.value)} />
          <div className="actions">
            {commands.map((c) => (
              <button key={c} type="button" className="secondary" disabled={busy} onClick={() => void runCommand(c)}>
                {t(`commands.${c}`)}
              </button>
            ))}
          </div>
        </>
      )}

      {can('Mutation.addNote') && ticket.allowedCommands.includes('ADD_NOTE') && (
        <form onSubmit={(e) => void addNote(e)} className="note-form">
          <h2>{t('detail.addNote')}</h2>
          <label htmlFor="note-text">{t('detail.note')}</label>
          <textarea id="note-text" required value={noteText} onChange={(e) => setNoteText(e.target.value)} />
          <fieldset>
            <legend>{t('detail.visibility')}</legend>
            <label className="inline"><input type="radio" name="visibility" checked={visibility === 'INTERNAL'} onChange={() => setVisibility('INTERNAL')} /> {t('detail.internal')}</label>
            <label className="inline"><input type="radio" name="visibility" checked={visibility === 'PUBLIC'} onChange={() => setVisibility('PUBLIC')} /> {t('detail.public')}</label>
          </fieldset>
          <button type="submit" disabled={busy || !noteText.trim()}>{t('detail.saveNote')}</button>
        </form>
      )}

      {ticket.files.length > 0 && (
        <>
          <h2>{t('detail.files')}</h2>
          <ul className="files">
            {ticket.files.map((f) => (
              <li key={f.id}>
                {f.mediaType.startsWith('image/') ? (
                  <a href={f.url} target="_blank" rel="noreferrer"><img src={f.url} alt={t('detail.photo', { seq: f.eventSeq })} loading="lazy" /></a>
                ) : f.mediaType.startsWith('audio/') ? (
                  <audio controls src={f.url} aria-label={t('detail.voice', { seq: f.eventSeq })} />
                ) : (
                  <a href={f.url}>{f.mediaType} · {Math.ceil(f.size / 1024)} kB</a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('detail.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {ticket.events.map((e) => <li key={e.id}>{describeEvent(e, t, i18n.language)}</li>)}
      </ol>
    </section>
  );
}

/** One history line: when, who, what, and the text it carried (note, reason, answer). */
function describeEvent(e: Event, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
  const payload = (e.payload ?? {}) as Record<string, unknown>;
  const text = ['text', 'note', 'reason', 'answer'].map((k) => payload[k]).find((v): v is string => typeof v === 'string' && v !== '');
  const visibility = typeof payload['visibility'] === 'string' ? ` (${t(`detail.${String(payload['visibility']).toLowerCase()}`)})` : '';
  const what = t(`events.${e.type}`, { defaultValue: e.type });
  const move = e.fromState && e.fromState !== e.toState ? ` → ${t(`states.${e.toState}`)}` : '';
  return `${formatDateTime(e.occurredAt, language)} · ${e.actorId} (${t(`roles.${e.actorRole}`)}) · ${what}${move}${visibility}${text ? `: ${text}` : ''}`;
}
