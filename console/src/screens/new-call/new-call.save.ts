import type { ApolloClient } from '@apollo/client';
import type { TicketKind } from '../../gql/graphql';
import { answersInput, type Answers } from './category-questions';
import {
  CreateTicketMutation,
  DispatchMutation,
  MarkDuplicateMutation,
  RecordInformationMutation,
  TriageMutation,
} from './new-call.operations';

/** What the call taker entered. */
export interface CallDraft {
  readonly phone: string;
  readonly reporterName: string;
  readonly kind: TicketKind;
  readonly description: string;
  readonly categoryCode: string;
  readonly answers: Answers;
  readonly district: string;
  readonly village: string;
  readonly address: string;
  readonly latitude: string;
  readonly longitude: string;
  /** INFORMATION only: the answer given on the phone. */
  readonly answer: string;
  /** Sent with the create, so a retry after a lost answer gives the same ticket. */
  readonly idempotencyKey: string;
}

export type SaveOutcome =
  | { readonly ok: true; readonly id: string; readonly number: string; readonly state: string; readonly warning?: string }
  | { readonly ok: false; readonly message: string; readonly problems: readonly string[] };

function number(text: string): number | null {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** `sameAs`: the call is merged into an existing ticket, which keeps its own category and answers. */
function ticketInput(draft: CallDraft, sameAs = false) {
  const latitude = number(draft.latitude);
  const longitude = number(draft.longitude);
  return {
    channel: 'PHONE' as const,
    kind: draft.kind,
    description: draft.description.trim(),
    descriptionLanguage: 'id',
    categoryCode: sameAs ? null : draft.categoryCode || null,
    // The category's questions travel with the ticket: required ones are checked on create.
    attributes: draft.categoryCode && !sameAs ? answersInput(draft.answers) : null,
    reporter: { phone: draft.phone.trim() || null, name: draft.reporterName.trim() || null },
    location: {
      district: draft.district || null,
      village: draft.village.trim() || null,
      address: draft.address.trim() || null,
      latitude,
      longitude,
    },
  };
}

/**
 * Saves a call in one go, as the call taker would by hand: creates the ticket (with the category's answers),
 * triages it when a category is chosen, dispatches it at once when it is an emergency; or records an
 * information request with its answer; or, with `sameAs`, records the call and merges it into that ticket.
 * A later step that fails leaves the ticket created and says why (the detail screen continues from there).
 */
export async function saveCall(client: ApolloClient, draft: CallDraft, sameAs?: string): Promise<SaveOutcome> {
  if (draft.kind === 'INFORMATION' && !sameAs) {
    const res = await client.mutate({
      mutation: RecordInformationMutation,
      variables: { input: { ...ticketInput(draft), answer: draft.answer.trim() }, key: draft.idempotencyKey },
    });
    const result = res.data?.recordInformationRequest;
    if (result?.__typename === 'TicketCreated') return { ok: true, ...result.ticket };
    return { ok: false, message: result?.message ?? '', problems: result?.__typename === 'InvalidTicketInput' ? result.problems : [] };
  }

  const res = await client.mutate({ mutation: CreateTicketMutation, variables: { input: ticketInput(draft, Boolean(sameAs)), key: draft.idempotencyKey } });
  const created = res.data?.createTicket;
  if (created?.__typename !== 'TicketCreated') {
    return { ok: false, message: created?.message ?? '', problems: created?.__typename === 'InvalidTicketInput' ? created.problems : [] };
  }
  let ticket = created.ticket;

  if (sameAs) {
    const merged = await client.mutate({
      mutation: MarkDuplicateMutation,
      variables: { input: { ticketId: ticket.id, duplicateOfId: sameAs, expectedVersion: ticket.version } },
    });
    const result = merged.data?.markDuplicate;
    if (result?.__typename === 'TicketChanged') return { ok: true, ...result.ticket };
    return { ok: true, ...ticket, warning: result?.message ?? '' };
  }
  if (!draft.categoryCode || ticket.state !== 'NEW') return { ok: true, ...ticket };

  const triaged = await client.mutate({
    mutation: TriageMutation,
    variables: { input: { ticketId: ticket.id, expectedVersion: ticket.version, kind: draft.kind, categoryCode: draft.categoryCode, district: draft.district || null } },
  });
  const triage = triaged.data?.triageTicket;
  if (triage?.__typename !== 'TicketChanged') return { ok: true, ...ticket, warning: triage?.message ?? '' };
  ticket = triage.ticket;

  if (draft.kind !== 'EMERGENCY') return { ok: true, ...ticket };
  const dispatched = await client.mutate({ mutation: DispatchMutation, variables: { input: { ticketId: ticket.id, expectedVersion: ticket.version } } });
  const dispatch = dispatched.data?.dispatchTicket;
  if (dispatch?.__typename !== 'TicketChanged') return { ok: true, ...ticket, warning: dispatch?.message ?? '' };
  return { ok: true, ...dispatch.ticket };
}
