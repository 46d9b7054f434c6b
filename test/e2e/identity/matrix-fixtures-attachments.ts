import { randomUUID } from 'node:crypto';
import { tinyOpus } from '../../support/media-fixtures';
import { authHeaderFor } from '../../support/test-auth';
import type { TestActor } from '../../support/test-app';
import { actorFor, type Fixture } from './matrix-cases';
import { expectTicketNotFound } from './matrix-fixtures-tickets';
import type { Side, World } from './matrix-world';

// addAttachment needs an upload of the acting caller's own (POST /attachments)
// for the cases that get past authorization; refused cases name an id that
// does not exist, since the guard stops them before anything is read.

const ADD_ATTACHMENT = `mutation M($input: AddAttachmentInput!) { result: addAttachment(input: $input) {
  __typename
  ... on TicketChanged { ticket { id state version opdCode } }
  ... on TicketNotFound { ref message }
  ... on VersionConflict { currentVersion ticketId }
  ... on IllegalTransition { message reason }
  ... on InvalidTicketInput { problems }
} }`;

async function uploadAs(w: World, actor: TestActor): Promise<string> {
  const res = await w.t.http().post('/attachments').set(...(await authHeaderFor(w.t.app, w.t.clock, actor))).attach('file', tinyOpus(), 'voice.ogg');
  if (res.status !== 201) throw new Error(`upload as ${actor.role} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { id: string }).id;
}

export const ATTACHMENT_FIXTURES: Fixture[] = [
  {
    op: 'Mutation.addAttachment',
    scoped: true,
    async prepare(w, c) {
      const side: Side = c.target === 'foreign' ? 'foreign' : 'own';
      // Cases that may change the ticket get a fresh one; refused ones share one.
      const reaches = c.outcome === 'allowed' || c.outcome === 'hidden';
      const ticket = reaches ? await w.tickets.make(side, 'DISPATCHED') : await w.tickets.sharedTicket(side, 'DISPATCHED');
      const before = await w.tickets.current(ticket.id);
      const attachmentId = reaches && c.role ? await uploadAs(w, actorFor(c.role)) : randomUUID();
      return {
        query: ADD_ATTACHMENT,
        variables: { input: { ticketId: ticket.id, expectedVersion: before.version, attachmentIds: [attachmentId] } },
        allowed: (d) => expect(d.result).toMatchObject({ __typename: 'TicketChanged', ticket: { id: ticket.id, state: 'DISPATCHED', opdCode: ticket.opdCode } }),
        hidden: (res) => expectTicketNotFound(res, ticket),
        async after(outcome) {
          if (outcome !== 'allowed') expect(await w.tickets.current(ticket.id)).toEqual(before);
        },
      };
    },
  },
];
