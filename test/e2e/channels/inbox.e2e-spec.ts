import type { Client } from 'graphql-ws';
import { authHeaderFor, type TestActor } from '../../support/test-auth';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { subscribe, wsClient } from '../../support/ws-client';
import { ChannelWorld, startChannelWorld, WA_PHONE_ID } from './channel-world';

// The call centre's conversation inbox: longest wait first, sender identity
// under Ticket.reporter's rule (and logged), claims that two call takers can
// never both win, release, reopening, and the conversationUpdated push.

const CT_AYU: TestActor = { userId: 'ct-ayu', role: 'CALL_TAKER' };
const CT_BUDI: TestActor = { userId: 'ct-budi', role: 'CALL_TAKER' };
const SPV: TestActor = { userId: 'spv-komang', role: 'SUPERVISOR' };
const AUDITOR: TestActor = { userId: 'aud-sari', role: 'AUDITOR' };

const CONVERSATION = 'id state claimedBy claimedAt waitingSince lastInboundAt platform accountName replyWindowOpen version sender { handle name identityVisible }';
const CLAIM = `mutation C($id: ID!) { claimConversation(id: $id) {
  __typename ... on ConversationClaimed { conversation { id state claimedBy version } } ... on ConversationAlreadyClaimed { conversationId claimedBy } } }`;

describe('conversation inbox', () => {
  let w: ChannelWorld;
  const clients: Client[] = [];

  beforeAll(async () => {
    w = await startChannelWorld({ DELIVERY_RELAY_ENABLED: 'true' });
    await w.register('WHATSAPP', WA_PHONE_ID, 'WhatsApp Pemkab Bangli');
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await w?.close();
  }, BOOT_TIMEOUT_MS);

  const say = async (from: string, text: string, at: Date) => {
    const res = await w.meta.deliver(w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from, name: `Warga ${from.slice(-2)}`, text, at }]));
    expect(res.status).toBe(200);
  };
  const idOf = async (handle: string) => (await w.sql<{ id: string }>('select id from channel_conversation where sender_handle = $1', [handle]))[0].id;

  it('lists waiting conversations longest wait first, with the sender shown to the call centre and logged', async () => {
    const t0 = w.t.clock.now().getTime();
    await say('6281400000002', 'kedua', new Date(t0 - 5 * 60_000));
    await say('6281400000001', 'pertama', new Date(t0 - 20 * 60_000));
    await say('6281400000003', 'ketiga', new Date(t0 - 60_000));
    await say('6281400000001', 'lagi', new Date(t0 - 30_000));
    const res = await w.t.gql<any>(`{ channelConversations { ${CONVERSATION} } }`, {}, CT_AYU);
    const list = res.body.data.channelConversations as Array<{ sender: { handle: string; name: string; identityVisible: boolean }; state: string; replyWindowOpen: boolean }>;
    expect(list.map((c) => c.sender.handle)).toEqual(['6281400000001', '6281400000002', '6281400000003']);
    expect(list[0]).toMatchObject({ state: 'WAITING', replyWindowOpen: true, sender: { name: 'Warga 01', identityVisible: true } });
    // Timestamps read through MikroORM's execute come back as text; the API still answers them as DateTime.
    expect(res.body.errors).toBeUndefined();
    expect(list[0]).toMatchObject({ waitingSince: new Date(t0 - 20 * 60_000 - ((t0 - 20 * 60_000) % 1000)).toISOString(), lastInboundAt: new Date(t0 - 30_000 - ((t0 - 30_000) % 1000)).toISOString() });
    const log = await w.sql<{ reporter_phone: string; operation: string }>(`select reporter_phone, operation from reporter_access_log where actor_id = $1 order by reporter_phone`, [CT_AYU.userId]);
    expect(log).toEqual(['6281400000001', '6281400000002', '6281400000003'].map((h) => ({ reporter_phone: `whatsapp:${h}`, operation: 'Query.channelConversations' })));
  });

  it('withholds the sender from an auditor (same rule as Ticket.reporter) and logs nothing for it', async () => {
    const res = await w.t.gql<any>(`{ channelConversations { id sender { handle name identityVisible } } }`, {}, AUDITOR);
    for (const c of res.body.data.channelConversations) expect(c.sender).toEqual({ handle: null, name: null, identityVisible: false });
    expect(await w.sql('select 1 from reporter_access_log where actor_id = $1', [AUDITOR.userId])).toEqual([]);
  });

  it('lets exactly one of two call takers claiming at once win; the other learns who holds it', async () => {
    for (const handle of ['6281400000001', '6281400000002', '6281400000003']) {
      const id = await idOf(handle);
      const [a, b] = await Promise.all([w.t.gql<any>(CLAIM, { id }, CT_AYU), w.t.gql<any>(CLAIM, { id }, CT_BUDI)]);
      const results = [a.body.data.claimConversation, b.body.data.claimConversation];
      const won = results.filter((r) => r.__typename === 'ConversationClaimed');
      const lost = results.filter((r) => r.__typename === 'ConversationAlreadyClaimed');
      expect([won.length, lost.length]).toEqual([1, 1]);
      expect(lost[0].claimedBy).toBe(won[0].conversation.claimedBy);
      const events = await w.sql<{ type: string; actor_id: string }>(`select type, actor_id from channel_event where conversation_id = $1 and type = 'CLAIMED'`, [id]);
      expect(events).toEqual([{ type: 'CLAIMED', actor_id: won[0].conversation.claimedBy }]);
    }
  });

  it('lets the holder claim again without a change, refuses a release by someone else, lets a supervisor release', async () => {
    const id = await idOf('6281400000001');
    const [{ claimed_by: holder, version }] = await w.sql<{ claimed_by: string; version: number }>('select claimed_by, version from channel_conversation where id = $1', [id]);
    const holderActor = holder === CT_AYU.userId ? CT_AYU : CT_BUDI;
    const other = holder === CT_AYU.userId ? CT_BUDI : CT_AYU;
    const again = await w.t.gql<any>(CLAIM, { id }, holderActor);
    expect(again.body.data.claimConversation).toMatchObject({ __typename: 'ConversationClaimed', conversation: { version } });
    const refused = await w.t.gql<any>('mutation R($id: ID!) { releaseConversation(id: $id) { state } }', { id }, other);
    expect(refused.body.errors?.[0].extensions?.code).toBe('NOT_YOUR_CLAIM');
    const released = await w.t.gql<any>('mutation R($id: ID!) { releaseConversation(id: $id) { state claimedBy } }', { id }, SPV);
    expect(released.body.data.releaseConversation).toEqual({ state: 'WAITING', claimedBy: null });
    const missing = await w.t.gql<any>(CLAIM, { id: '00000000-0000-4000-8000-000000000000' }, CT_AYU);
    expect(missing.body.data.claimConversation.__typename).toBe('ConversationNotFound');
  });

  it('puts a closed conversation back in the queue when the citizen writes again (REOPENED event)', async () => {
    const id = await idOf('6281400000003');
    await w.sql(`update channel_conversation set state = 'CLOSED', claimed_by = null, claimed_at = null, waiting_since = null where id = $1`, [id]);
    expect((await w.t.gql<any>(CLAIM, { id }, CT_AYU)).body.data.claimConversation.__typename).toBe('ConversationClosed');
    await say('6281400000003', 'masih belum diperbaiki', w.t.clock.now());
    const [row] = await w.sql<{ state: string; claimed_by: string | null }>('select state, claimed_by from channel_conversation where id = $1', [id]);
    expect(row).toEqual({ state: 'WAITING', claimed_by: null });
    const types = await w.sql<{ type: string }>('select type from channel_event where conversation_id = $1 order by seq', [id]);
    expect(types.map((e) => e.type)).toEqual(['OPENED', 'CLAIMED', 'REOPENED']);
  });

  it('shows a conversation\'s messages oldest first', async () => {
    const id = await idOf('6281400000001');
    const res = await w.t.gql<any>('query M($id: ID!) { channelMessages(conversationId: $id) { direction kind text } }', { id }, CT_AYU);
    expect(res.body.data.channelMessages).toEqual([
      { direction: 'IN', kind: 'TEXT', text: 'pertama' },
      { direction: 'IN', kind: 'TEXT', text: 'lagi' },
    ]);
  });

  it('pushes new messages and claims to subscribed screens (conversationUpdated)', async () => {
    const [{ last_seq }] = await w.sql<{ last_seq: string }>('select last_seq from outbox_stream where id = 1');
    const client = wsClient(w.wsUrl, Object.fromEntries([await authHeaderFor(w.t.app, w.t.clock, CT_AYU)]));
    clients.push(client);
    type Notice = { reason: string; conversationId: string; conversation: { state: string; sender: { handle: string } } };
    const sub = subscribe<Notice>(client, `subscription S($after: String) { conversationUpdated(after: $after) { cursor reason conversationId conversation { state sender { handle } } } }`, { after: String(last_seq) });
    await say('6281400000099', 'baru', w.t.clock.now());
    const first = await sub.find((n) => n.conversation?.sender.handle === '6281400000099');
    expect(first).toMatchObject({ reason: 'message', conversation: { state: 'WAITING' } });
    await w.t.gql(CLAIM, { id: first.conversationId }, CT_BUDI);
    const claimed = await sub.find((n) => n.reason === 'claimed' && n.conversationId === first.conversationId);
    expect(claimed.conversation.state).toBe('CLAIMED');
    sub.stop();
  }, 60_000);

  it('counts waiting conversations and those past the first-response SLA in /metrics', async () => {
    // Move past CHANNEL_FIRST_RESPONSE_MINUTES (15) for every unanswered conversation.
    w.t.clock.advance(60 * 60_000);
    const waiting = await w.metric('sigap_channel_conversations_waiting', {});
    const rows = await w.sql<{ n: string }>(`select count(*) as n from channel_conversation where state = 'WAITING'`);
    expect(waiting).toBe(Number(rows[0].n));
    const overdue = await w.metric('sigap_channel_conversations_overdue', {});
    const unanswered = await w.sql<{ n: string }>(`select count(*) as n from channel_conversation where state <> 'CLOSED' and waiting_since is not null`);
    expect(overdue).toBe(Number(unanswered[0].n));
    expect(overdue).toBeGreaterThan(0);
  });
});
