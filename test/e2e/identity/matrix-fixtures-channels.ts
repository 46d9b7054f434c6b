import { randomInt } from 'node:crypto';
import { ActorRole } from '../../../src/core/actor';
import { ChannelIntake, ChannelPlatform, ConversationInbox, MessageKind } from '../../../src/core/channel';
import type { GrantedRole } from '../../../src/core/identity/domain/permissions';
import { actorFor, type CaseContext, type Fixture, type Prepared } from './matrix-cases';
import { data, PREP, uniqueWord, World } from './matrix-world';

// Fixtures of the social-media channel operations: admins keep the official
// account registry (supervisors and auditors read it); the call centre works
// the conversation inbox, auditors read it.

const ACCOUNT = 'id platform accountId displayName active version';
const digits = (): string => String(randomInt(1e9, 1e10 - 1)) + String(randomInt(1e5, 1e6 - 1));

async function newAccount(w: World): Promise<{ id: string; accountId: string; version: number }> {
  const res = await w.t.gql<any>(`mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { ${ACCOUNT} } }`,
    { input: { platform: 'WHATSAPP', accountId: digits(), displayName: `mx ${uniqueWord()}` } }, PREP.admin);
  return data(res).registerOfficialAccount;
}

/** A conversation with one inbound message, written by the real intake (as a webhook would). */
async function newConversation(w: World): Promise<string> {
  const account = await newAccount(w);
  const sender = `62812${randomInt(1e6, 1e7 - 1)}`;
  await w.t.app.get(ChannelIntake).record(ChannelPlatform.WHATSAPP, [{
    platform: ChannelPlatform.WHATSAPP, accountId: account.accountId, senderHandle: sender, senderName: 'Warga', language: null,
    platformMessageId: `wamid.${uniqueWord()}`, kind: MessageKind.TEXT, text: 'Jalan rusak', location: null, attachmentRef: null, attachmentMimeType: null, sentAt: w.t.clock.now(),
  }], []);
  const list = data(await w.t.gql<any>('{ channelConversations(limit: 500) { id sender { handle } } }', {}, PREP.callTaker)).channelConversations as Array<{ id: string; sender: { handle: string } }>;
  return list.find((c) => c.sender.handle === sender)!.id;
}

async function stateOf(w: World, id: string): Promise<{ state: string; claimedBy: string | null }> {
  return data(await w.t.gql<any>('query C($id: ID!) { channelConversation(id: $id) { state claimedBy } }', { id }, PREP.callTaker)).channelConversation;
}

async function activeOf(w: World, id: string): Promise<boolean> {
  const list = data(await w.t.gql<any>('{ officialAccounts(includeInactive: true) { id active } }', {}, PREP.admin)).officialAccounts as Array<{ id: string; active: boolean }>;
  return list.find((a) => a.id === id)!.active;
}

function fixture(op: Fixture['op'], prepare: (w: World, c: CaseContext) => Promise<Prepared>): Fixture {
  return { op, scoped: false, prepare };
}

export const CHANNEL_FIXTURES: Fixture[] = [
  fixture('Query.officialAccounts', async (w) => {
    const spare = await newAccount(w);
    return { query: `{ officialAccounts { ${ACCOUNT} } }`, allowed: (d) => expect(d.officialAccounts.map((a: { id: string }) => a.id)).toContain(spare.id) };
  }),
  fixture('Mutation.registerOfficialAccount', async () => ({
    query: `mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { ${ACCOUNT} } }`,
    variables: { input: { platform: 'TELEGRAM', accountId: digits(), displayName: `mx ${uniqueWord()}` } },
    allowed: (d) => expect(d.registerOfficialAccount).toMatchObject({ platform: 'TELEGRAM', active: true, version: 1 }),
  })),
  fixture('Mutation.updateOfficialAccount', async (w, c) => {
    const target = await newAccount(w);
    return {
      query: `mutation U($input: UpdateOfficialAccountInput!) { updateOfficialAccount(input: $input) { ${ACCOUNT} } }`,
      variables: { input: { id: target.id, version: target.version, active: false } },
      allowed: (d) => expect(d.updateOfficialAccount).toMatchObject({ id: target.id, active: false, version: 2 }),
      after: async () => expect(await activeOf(w, target.id)).toBe(c.outcome !== 'allowed'),
    };
  }),
  fixture('Mutation.deactivateOfficialAccount', async (w, c) => {
    const target = await newAccount(w);
    return {
      query: `mutation D($id: ID!, $v: Int!) { deactivateOfficialAccount(id: $id, version: $v) { ${ACCOUNT} } }`,
      variables: { id: target.id, v: target.version },
      allowed: (d) => expect(d.deactivateOfficialAccount).toMatchObject({ id: target.id, active: false }),
      after: async () => expect(await activeOf(w, target.id)).toBe(c.outcome !== 'allowed'),
    };
  }),
  fixture('Query.channelConversations', async (w) => {
    const id = await newConversation(w);
    return { query: '{ channelConversations(limit: 500) { id state } }', allowed: (d) => expect(d.channelConversations.map((x: { id: string }) => x.id)).toContain(id) };
  }),
  fixture('Query.channelConversation', async (w) => {
    const id = await newConversation(w);
    return { query: 'query C($id: ID!) { channelConversation(id: $id) { id state } }', variables: { id }, allowed: (d) => expect(d.channelConversation).toEqual({ id, state: 'WAITING' }) };
  }),
  fixture('Query.channelMessages', async (w) => {
    const id = await newConversation(w);
    return { query: 'query M($id: ID!) { channelMessages(conversationId: $id) { text } }', variables: { id }, allowed: (d) => expect(d.channelMessages).toEqual([{ text: 'Jalan rusak' }]) };
  }),
  fixture('Mutation.claimConversation', async (w, c) => {
    const id = await newConversation(w);
    return {
      query: 'mutation C($id: ID!) { claimConversation(id: $id) { __typename ... on ConversationClaimed { conversation { state claimedBy } } } }',
      variables: { id },
      allowed: (d) => expect(d.claimConversation).toEqual({ __typename: 'ConversationClaimed', conversation: { state: 'CLAIMED', claimedBy: actorFor(c.role!).userId } }),
      after: async () => { if (c.outcome !== 'allowed') expect(await stateOf(w, id)).toEqual({ state: 'WAITING', claimedBy: null }); },
    };
  }),
  fixture('Mutation.releaseConversation', async (w, c) => {
    const id = await newConversation(w);
    // Held by the caller when the caller may hold conversations at all; else by a prep call taker.
    const mayHold = c.role === ActorRole.CALL_TAKER || c.role === ActorRole.SUPERVISOR;
    const holder = mayHold ? actorFor(c.role as GrantedRole) : PREP.callTaker;
    await w.t.app.get(ConversationInbox).claim(id, { userId: holder.userId, role: holder.role as ActorRole, opdCode: null });
    return {
      query: 'mutation R($id: ID!) { releaseConversation(id: $id) { state claimedBy } }',
      variables: { id },
      allowed: (d) => expect(d.releaseConversation).toEqual({ state: 'WAITING', claimedBy: null }),
      after: async () => { if (c.outcome !== 'allowed') expect(await stateOf(w, id)).toEqual({ state: 'CLAIMED', claimedBy: holder.userId }); },
    };
  }),
];
