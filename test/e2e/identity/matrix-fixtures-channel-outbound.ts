import { randomInt } from 'node:crypto';
import { ActorRole } from '../../../src/core/actor';
import { ChannelIntake, ChannelPlatform, ConversationInbox, MessageKind } from '../../../src/core/channel';
import type { GrantedRole } from '../../../src/core/identity/domain/permissions';
import type { TestActor } from '../../support/test-auth';
import { actorFor, type CaseContext, type Fixture, type Prepared } from './matrix-cases';
import { data, PREP, uniqueWord, World } from './matrix-world';

// Fixtures of answering citizens on their channel: the call centre replies,
// makes tickets of conversations, attaches and answers (the conversation's
// holder only: each case holds the conversation as the caller, when the
// caller's role may hold one); admins edit what citizens are told, the call
// centre and auditors read it. A refused case changes nothing.

const digits = (): string => String(randomInt(1e9, 1e10 - 1)) + String(randomInt(1e5, 1e6 - 1));

/** A conversation with one inbound message (the real intake), held by the caller if they may hold one, else by a prep call taker. */
async function heldConversation(w: World, c: CaseContext): Promise<string> {
  const accountId = digits();
  await w.t.gql<any>('mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { id } }',
    { input: { platform: 'WHATSAPP', accountId, displayName: `mx ${uniqueWord()}` } }, PREP.admin);
  const sender = `62813${randomInt(1e6, 1e7 - 1)}`;
  await w.t.app.get(ChannelIntake).record(ChannelPlatform.WHATSAPP, [{
    platform: ChannelPlatform.WHATSAPP, accountId, senderHandle: sender, senderName: 'Warga', language: 'id',
    platformMessageId: `wamid.${uniqueWord()}`, kind: MessageKind.TEXT, text: 'Jam buka kantor camat?', location: null, attachmentRef: null, attachmentMimeType: null, sentAt: w.t.clock.now(),
  }], []);
  const list = data(await w.t.gql<any>('{ channelConversations(limit: 500) { id sender { handle } } }', {}, PREP.callTaker)).channelConversations as Array<{ id: string; sender: { handle: string } }>;
  const id = list.find((x) => x.sender.handle === sender)!.id;
  const mayHold = c.role === ActorRole.CALL_TAKER || c.role === ActorRole.SUPERVISOR;
  const holder: TestActor = mayHold ? actorFor(c.role as GrantedRole) : PREP.callTaker;
  await w.t.app.get(ConversationInbox).claim(id, { userId: holder.userId, role: holder.role as ActorRole, opdCode: null });
  return id;
}

async function outbound(w: World, id: string): Promise<{ ticketId: string | null; messages: number }> {
  const conversation = data(await w.t.gql<any>('query C($id: ID!) { channelConversation(id: $id) { ticketId } }', { id }, PREP.callTaker)).channelConversation;
  const messages = data(await w.t.gql<any>('query M($id: ID!) { channelMessages(conversationId: $id) { direction } }', { id }, PREP.callTaker)).channelMessages as Array<{ direction: string }>;
  return { ticketId: conversation.ticketId, messages: messages.filter((m) => m.direction === 'OUT').length };
}

async function newTicket(w: World): Promise<string> {
  const res = await w.t.gql<any>(
    'mutation C($input: CreateTicketInput!) { createTicket(input: $input) { ... on TicketCreated { ticket { id } } } }',
    { input: { kind: 'COMPLAINT', channel: 'PHONE', description: `Lampu jalan mati ${uniqueWord()}`, descriptionLanguage: 'id' } },
    PREP.callTaker,
  );
  return data(res).createTicket.ticket.id;
}

function fixture(op: Fixture['op'], prepare: (w: World, c: CaseContext) => Promise<Prepared>): Fixture {
  return { op, scoped: false, prepare };
}

const unchanged = (w: World, id: string, c: CaseContext) => async (): Promise<void> => {
  if (c.outcome !== 'allowed') expect(await outbound(w, id)).toEqual({ ticketId: null, messages: 0 });
};

export const CHANNEL_OUTBOUND_FIXTURES: Fixture[] = [
  fixture('Mutation.replyToConversation', async (w, c) => {
    const id = await heldConversation(w, c);
    return {
      query: 'mutation R($input: ReplyToConversationInput!) { replyToConversation(input: $input) { __typename ... on ConversationReplyQueued { templateName } } }',
      variables: { input: { conversationId: id, text: 'Kantor buka pukul 08.00.' } },
      allowed: (d) => expect(d.replyToConversation).toEqual({ __typename: 'ConversationReplyQueued', templateName: null }),
      after: unchanged(w, id, c),
    };
  }),
  fixture('Mutation.createTicketFromConversation', async (w, c) => {
    const id = await heldConversation(w, c);
    return {
      query: 'mutation T($input: CreateTicketFromConversationInput!) { createTicketFromConversation(input: $input) { __typename ... on ConversationTicketLinked { created } } }',
      variables: { input: { conversationId: id, kind: 'COMPLAINT' } },
      allowed: (d) => expect(d.createTicketFromConversation).toEqual({ __typename: 'ConversationTicketLinked', created: true }),
      after: unchanged(w, id, c),
    };
  }),
  fixture('Mutation.attachConversationToTicket', async (w, c) => {
    const id = await heldConversation(w, c);
    const ticketId = await newTicket(w);
    return {
      query: 'mutation A($c: ID!, $t: ID!) { attachConversationToTicket(conversationId: $c, ticketId: $t) { __typename ... on ConversationTicketLinked { ticketId created } } }',
      variables: { c: id, t: ticketId },
      allowed: (d) => expect(d.attachConversationToTicket).toEqual({ __typename: 'ConversationTicketLinked', ticketId, created: false }),
      after: unchanged(w, id, c),
    };
  }),
  fixture('Mutation.answerConversation', async (w, c) => {
    const id = await heldConversation(w, c);
    return {
      query: 'mutation A($input: AnswerConversationInput!) { answerConversation(input: $input) { __typename ... on ConversationAnswered { conversation { state } } } }',
      variables: { input: { conversationId: id, answer: 'Pukul 08.00 sampai 15.00.' } },
      allowed: (d) => expect(d.answerConversation).toEqual({ __typename: 'ConversationAnswered', conversation: { state: 'CLOSED' } }),
      after: unchanged(w, id, c),
    };
  }),
  fixture('Query.channelTemplates', async () => ({
    query: '{ channelTemplates { key language whatsappName } }',
    allowed: (d) => expect(d.channelTemplates).toEqual(expect.arrayContaining([{ key: 'ON_SITE', language: 'en', whatsappName: 'sigap_on_site' }])),
  })),
  fixture('Mutation.updateChannelTemplate', async (w, c) => {
    const language = `x${String.fromCharCode(97 + randomInt(26))}${String.fromCharCode(97 + randomInt(26))}`.slice(0, 3);
    const body = `Laporan {{ticketNumber}} diterima ${uniqueWord()}`;
    return {
      query: 'mutation U($input: UpdateChannelTemplateInput!) { updateChannelTemplate(input: $input) { key language body version } }',
      variables: { input: { key: 'RECEIVED', language, body, whatsappName: null } },
      allowed: (d) => expect(d.updateChannelTemplate).toMatchObject({ key: 'RECEIVED', language, body }),
      after: async () => {
        if (c.outcome === 'allowed') return;
        const templates = data(await w.t.gql<any>('{ channelTemplates { body } }', {}, PREP.admin)).channelTemplates as Array<{ body: string }>;
        expect(templates.map((t) => t.body)).not.toContain(body);
      },
    };
  }),
];
