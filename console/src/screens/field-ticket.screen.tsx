import { useMutation, useQuery } from '@apollo/client/react';
import '../ops/ops-i18n';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { useAuth } from '../auth/auth-context';
import { ErrorText } from '../components/error-text';
import { formatDateTime } from '../format/wita';
import { graphql } from '../gql';
import type { FieldTicketQuery } from '../gql/graphql';
import { PhotoPicker, usePosition } from '../ops/field-inputs';
import { uploadAttachment, UploadError } from '../ops/upload';

const FieldTicket = graphql(`
  query FieldTicket($id: ID!) {
    ticket(id: $id) {
      id
      number
      kind
      priority
      state
      version
      categoryCode
      opdCode
      description
      reportedAt
      assignedUnit
      allowedCommands
      location {
        district
        village
        address
        landmark
        latitude
        longitude
      }
      files {
        id
        kind
        url
        attachedAt
      }
      events {
        seq
        type
        toState
        actorId
        occurredAt
        payload
      }
    }
  }
`);

const CommandOutcome = graphql(`
  fragment FieldCommandOutcome on TicketCommandResult {
    __typename
    ... on TicketChanged {
      ticket {
        id
        version
        state
        allowedCommands
      }
    }
    ... on VersionConflict {
      currentVersion
      message
    }
    ... on IllegalTransition {
      message
    }
    ... on InvalidTicketInput {
      message
      problems
    }
    ... on TicketNotFound {
      message
    }
  }
`);
void CommandOutcome;

const Acknowledge = graphql(`
  mutation FieldAcknowledge($input: OptionalNoteInput!) {
    acknowledgeTicket(input: $input) {
      ...FieldCommandOutcome
    }
  }
`);
const Depart = graphql(`
  mutation FieldDepart($input: DepartTicketInput!) {
    departTicket(input: $input) {
      ...FieldCommandOutcome
    }
  }
`);
const Arrive = graphql(`
  mutation FieldArrive($input: ArriveOnSiteInput!) {
    arriveOnSite(input: $input) {
      ...FieldCommandOutcome
    }
  }
`);
const Resolve = graphql(`
  mutation FieldResolve($input: RequiredNoteInput!) {
    resolveTicket(input: $input) {
      ...FieldCommandOutcome
    }
  }
`);
const AddNote = graphql(`
  mutation FieldAddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      ...FieldCommandOutcome
    }
  }
`);

type Ticket = NonNullable<FieldTicketQuery['ticket']>;
type Outcome = { __typename?: string; message?: string; problems?: string[] };

/**
 * One ticket for the officer or unit in the field, on a phone: what and where, then the step the state
 * allows (acknowledge, depart, arrive with the phone's position and a photo, resolve with a photo and
 * what was done) and notes. A stale version (someone else acted meanwhile) reloads the ticket and says so.
 */
export function FieldTicketScreen({ id }: { id: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const { data, error, loading, refetch } = useQuery(FieldTicket, { variables: { id } });
  const ticket = data?.ticket;
  return (
    <section className="field">
      <p>
        <Link to="/queue">{t('field.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{ticket ? ticket.number : t('common.loading')}</h1>
      <ErrorText error={error} />
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && !ticket && <p role="alert">{t('errors.notFound')}</p>}
      {ticket && (
        <>
          <p>
            <span className="badge" data-testid="field-state">
              {t(`states.${ticket.state}`)}
            </span>{' '}
            {t(`kinds.${ticket.kind}`)} · {ticket.categoryCode ?? '—'} · {formatDateTime(ticket.reportedAt, i18n.language)}
          </p>
          <p>{ticket.description}</p>
          <h2>{t('field.location')}</h2>
          <p>{[ticket.location.address, ticket.location.landmark, ticket.location.village, ticket.location.district].filter(Boolean).join(', ') || '—'}</p>
          <FieldActions ticket={ticket} onChanged={() => void refetch()} />
          {ticket.files.length > 0 && (
            <>
              <h2>{t('field.files')}</h2>
              <ul className="photos">
                {ticket.files
                  .filter((f) => f.kind === 'PHOTO')
                  .map((f) => (
                    <li key={f.id}>
                      <img src={f.url} alt={`${t('field.photo')} ${formatDateTime(f.attachedAt, i18n.language)}`} />
                    </li>
                  ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function FieldActions({ ticket, onChanged }: { ticket: Ticket; onChanged: () => void }): ReactNode {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [acknowledge] = useMutation(Acknowledge);
  const [depart] = useMutation(Depart);
  const [arrive] = useMutation(Arrive);
  const [resolve] = useMutation(Resolve);
  const [addNote] = useMutation(AddNote);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [unit, setUnit] = useState(ticket.assignedUnit ?? '');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  // A new picker after each saved step: the file input forgets the photo just sent.
  const [pickerKey, setPickerKey] = useState(0);
  const position = usePosition();
  const allowed = new Set(ticket.allowedCommands);
  const ref = { ticketId: ticket.id, expectedVersion: ticket.version };

  /** Runs one command; the answer's typename says how it went (typed failures are answers, not errors). */
  const run = async (work: () => Promise<Outcome | undefined | null>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await work();
      if (outcome?.__typename === 'TicketChanged') {
        setMessage({ ok: true, text: t('field.done') });
        setNote('');
        setPhoto(null);
        setPickerKey((k) => k + 1);
      } else if (outcome?.__typename === 'VersionConflict') setMessage({ ok: false, text: t('field.conflict') });
      else setMessage({ ok: false, text: [outcome?.message, ...(outcome?.problems ?? [])].filter(Boolean).join(' ') });
      onChanged();
    } catch (error) {
      const text = error instanceof UploadError ? t(`errors.code.${error.code}`, { defaultValue: error.message }) : error instanceof Error ? error.message : String(error);
      setMessage({ ok: false, text });
    } finally {
      setBusy(false);
    }
  };
  const photoIds = async (): Promise<string[]> => (photo ? [(await uploadAttachment(photo)).id] : []);

  const onArrive = (event: FormEvent): void => {
    event.preventDefault();
    if (!photo) return setMessage({ ok: false, text: t('field.photoRequired') });
    void run(async () => {
      const attachmentIds = await photoIds();
      const coords = position.coords;
      const result = await arrive({ variables: { input: { ...ref, attachmentIds, latitude: coords?.latitude ?? null, longitude: coords?.longitude ?? null } } });
      return result.data?.arriveOnSite;
    });
  };
  const onResolve = (event: FormEvent): void => {
    event.preventDefault();
    if (!note.trim()) return setMessage({ ok: false, text: t('field.noteRequired') });
    if (!photo) return setMessage({ ok: false, text: t('field.photoRequired') });
    void run(async () => (await resolve({ variables: { input: { ...ref, note: note.trim(), attachmentIds: await photoIds() } } })).data?.resolveTicket);
  };
  const onNote = (event: FormEvent): void => {
    event.preventDefault();
    if (!note.trim()) return;
    void run(async () => (await addNote({ variables: { input: { ...ref, text: note.trim(), attachmentIds: await photoIds() } } })).data?.addNote);
  };

  const canAck = allowed.has('ACKNOWLEDGE') && can('Mutation.acknowledgeTicket');
  const canDepart = allowed.has('DEPART') && can('Mutation.departTicket');
  const canArrive = allowed.has('ARRIVE') && can('Mutation.arriveOnSite');
  const canResolve = allowed.has('RESOLVE') && can('Mutation.resolveTicket');
  const canNote = allowed.has('ADD_NOTE') && can('Mutation.addNote');
  return (
    <div className="field-actions">
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="field-message">
          {message.text}
        </p>
      )}
      {!canAck && !canDepart && !canArrive && !canResolve && <p>{t('field.notAllowed')}</p>}
      {canAck && (
        <button type="button" className="big" disabled={busy} onClick={() => void run(async () => (await acknowledge({ variables: { input: ref } })).data?.acknowledgeTicket)}>
          {t('field.acknowledge')}
        </button>
      )}
      {canDepart && (
        <form onSubmit={(e) => (e.preventDefault(), void run(async () => (await depart({ variables: { input: { ...ref, unit: unit.trim() || null } } })).data?.departTicket))}>
          <label htmlFor="field-unit">{t('field.unit')}</label>
          <input id="field-unit" value={unit} onChange={(e) => setUnit(e.target.value)} autoComplete="off" />
          <button type="submit" className="big" disabled={busy}>
            {t('field.depart')}
          </button>
        </form>
      )}
      {(canArrive || canResolve || canNote) && <PhotoPicker key={pickerKey} file={photo} onChange={setPhoto} />}
      {canArrive && (
        <form onSubmit={onArrive}>
          <fieldset>
            <legend>{t('field.position')}</legend>
            <button type="button" className="secondary" onClick={position.locate} disabled={position.state === 'locating'}>
              {t('field.locate')}
            </button>
            <p role="status" data-testid="field-position">
              {position.state === 'locating' && t('field.locating')}
              {position.coords &&
                t('field.located', { lat: position.coords.latitude.toFixed(5), lng: position.coords.longitude.toFixed(5), accuracy: Math.round(position.coords.accuracy) })}
              {position.error && t('field.noPosition', { reason: position.error })}
            </p>
          </fieldset>
          <button type="submit" className="big" disabled={busy}>
            {t('field.arrive')}
          </button>
        </form>
      )}
      {(canResolve || canNote) && (
        <form onSubmit={canResolve ? onResolve : onNote}>
          <label htmlFor="field-note">{canResolve ? t('field.resolution') : t('field.note')}</label>
          <textarea id="field-note" value={note} onChange={(e) => setNote(e.target.value)} />
          {canResolve && (
            <button type="submit" className="big" disabled={busy}>
              {t('field.resolve')}
            </button>
          )}
          {canNote && (
            <button type="button" className="secondary" disabled={busy} onClick={onNote}>
              {t('field.addNote')}
            </button>
          )}
        </form>
      )}
    </div>
  );
}
