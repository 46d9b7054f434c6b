import { OutboundDispatcher } from '../../../src/core/channel';
import { OutboxRelay } from '../../../src/core/delivery';
import { FakeMetaGraphApi } from '../../support/fake-meta-graph-api';
import type { TestActor } from '../../support/test-auth';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ACTORS, CODES, HOUR, MINUTE, ref, TicketApi } from '../tickets/ticket-api';
import { ChannelWorld, startChannelWorld, WA_PHONE_ID } from './channel-world';

// The "done when", against the fakes: a citizen's WhatsApp message
// comes in (a signed webhook), a call taker claims it, answers, makes it a
// ticket that is dispatched; the OPD arrives a day and a half later, outside
// WhatsApp's window. The fake Graph API (a real HTTP server checking token,
// shape and the window) receives the reply, the ticket number and the
// arrival, once each, however often the relay and dispatcher run.

const CT: TestActor = { userId: 'ct-ayu', role: 'CALL_TAKER' };
const OTHER_CT: TestActor = { userId: 'ct-budi', role: 'CALL_TAKER' };
const SPV: TestActor = { userId: 'spv-komang', role: 'SUPERVISOR' };
const ROADS_UNIT: TestActor = { userId: 'unit-pupr-1', role: 'FIELD_UNIT', opdCode: CODES.roadsOpd };
const CITIZEN = '6281355500001';
const ACCESS_TOKEN = 'EAAG-e2e-access';

const REPLY = `mutation R($input: ReplyToConversationInput!) { replyToConversation(input: $input) { __typename
  ... on ConversationReplyQueued { messageId templateName replayed conversation { waitingSince firstResponseAt } }
  ... on CustomerWindowClosed { closedAt templateKeys } ... on ConversationNotHeld { claimedBy } } }`;
const TICKET_FROM = `mutation T($input: CreateTicketFromConversationInput!) { createTicketFromConversation(input: $input) { __typename
  ... on ConversationTicketLinked { ticketId ticketNumber created conversation { ticketId } } ... on InvalidChannelInput { problems } ... on ConversationAlreadyLinked { ticketId } } }`;

describe('a WhatsApp report, from message to the OPD on site, told to the citizen', () => {
  let w: ChannelWorld;
  let graph: FakeMetaGraphApi;
  let api: TicketApi;
  let conversationId: string;
  let wamid: string;
  let ticketId: string;
  let ticketNumber: string;

  beforeAll(async () => {
    // The fake checks the window on the app's clock; the app needs the fake's URL at boot: the fake reads the clock once the app exists.
    graph = await FakeMetaGraphApi.start({ accessToken: ACCESS_TOKEN, clock: { now: () => w.t.clock.now() } });
    w = await startChannelWorld({ META_GRAPH_BASE_URL: graph.baseUrl });
    await w.register('WHATSAPP', WA_PHONE_ID, 'WhatsApp Pemkab Bangli');
    api = new TicketApi(w.t);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await w?.close();
    await graph?.close();
  }, BOOT_TIMEOUT_MS);

  /** What production's schedulers do on their own: relay the outbox, send the queue. Twice, to show nothing doubles. */
  async function deliverEverything(): Promise<void> {
    for (let i = 0; i < 2; i++) {
      while ((await w.t.app.get(OutboxRelay).relayOnce()).published > 0);
      while ((await w.t.app.get(OutboundDispatcher).dispatchOnce()).claimed > 0);
    }
  }

  async function citizenWrites(text: string): Promise<void> {
    const at = w.t.clock.now();
    const body = w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from: CITIZEN, name: 'Ni Luh Sari', text, at }]);
    wamid = (JSON.parse(body.toString()) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ id: string }> } }> }> }).entry[0].changes[0].value.messages[0].id;
    expect((await w.meta.deliver(body)).status).toBe(200);
    graph.userWrote(WA_PHONE_ID, CITIZEN, at);
  }

  it('takes the message in and lets one call taker claim it', async () => {
    await citizenWrites('Ada jalan berlubang besar di depan pasar Kintamani, bahaya untuk motor');
    [{ id: conversationId }] = await w.sql<{ id: string }>('select id from channel_conversation where sender_handle = $1', [CITIZEN]);
    const claim = await w.t.gql<any>('mutation C($id: ID!) { claimConversation(id: $id) { __typename } }', { id: conversationId }, CT);
    expect(claim.body.data.claimConversation.__typename).toBe('ConversationClaimed');
  });

  it('refuses a reply from a call taker who does not hold the conversation', async () => {
    const res = await w.t.gql<any>(REPLY, { input: { conversationId, text: 'Halo' } }, OTHER_CT);
    expect(res.body.data.replyToConversation).toEqual({ __typename: 'ConversationNotHeld', claimedBy: CT.userId });
  });

  it('replies inside the 24-hour window as free text; the first response is recorded', async () => {
    w.t.clock.advance(2 * MINUTE);
    const res = await w.t.gql<any>(REPLY, { input: { conversationId, text: 'Terima kasih, laporan Anda kami catat.', idempotencyKey: 'r-1' } }, CT);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.replyToConversation).toMatchObject({ __typename: 'ConversationReplyQueued', templateName: null, replayed: false, conversation: { waitingSince: null, firstResponseAt: w.t.clock.now().toISOString() } });
    // The same click twice (a retry): nothing new.
    const again = await w.t.gql<any>(REPLY, { input: { conversationId, text: 'Terima kasih, laporan Anda kami catat.', idempotencyKey: 'r-1' } }, CT);
    expect(again.body.data.replyToConversation).toMatchObject({ replayed: true, messageId: res.body.data.replyToConversation.messageId });
    await deliverEverything();
    expect(graph.to(CITIZEN).map((s) => [s.type, s.text])).toEqual([['text', 'Terima kasih, laporan Anda kami catat.']]);
    // The citizen waited two minutes for it: one first response, counted once (not for the retry).
    expect(await w.metric('sigap_channel_first_response_seconds_count', { platform: 'WHATSAPP' })).toBe(1);
    expect(await w.metric('sigap_channel_first_response_seconds_sum', { platform: 'WHATSAPP' })).toBe(120);
    expect(await w.metric('sigap_channel_outbound_attempts_total', { platform: 'WHATSAPP', purpose: 'REPLY', outcome: 'sent' })).toBe(1);
  });

  it('makes the conversation a ticket that keeps the message reference, the handle and the language; the citizen gets its number', async () => {
    const res = await w.t.gql<any>(TICKET_FROM, { input: { conversationId, kind: 'COMPLAINT', categoryCode: CODES.roadCategory } }, CT);
    const linked = res.body.data.createTicketFromConversation;
    expect(linked).toMatchObject({ __typename: 'ConversationTicketLinked', created: true });
    ({ ticketId, ticketNumber } = linked);
    expect(linked.conversation.ticketId).toBe(ticketId);
    const ticket = await w.t.gql<any>(`query Q($id: ID!) { ticket(id: $id) { number channel channelPlatform channelAccount channelReference description reporter { name phone language } } }`, { id: ticketId }, CT);
    expect(ticket.body.data.ticket).toEqual({
      number: ticketNumber, channel: 'SOCIAL_MEDIA', channelPlatform: 'WHATSAPP', channelAccount: WA_PHONE_ID, channelReference: wamid,
      description: 'Ada jalan berlubang besar di depan pasar Kintamani, bahaya untuk motor',
      // WhatsApp does not say which language the citizen speaks: unknown, answered in Indonesian.
      reporter: { name: 'Ni Luh Sari', phone: `+${CITIZEN}`, language: null },
    });
    // A second attempt finds it linked.
    const twice = await w.t.gql<any>(TICKET_FROM, { input: { conversationId, kind: 'COMPLAINT' } }, CT);
    expect(twice.body.data.createTicketFromConversation).toEqual({ __typename: 'ConversationAlreadyLinked', ticketId });
    await deliverEverything();
    expect(graph.to(CITIZEN).filter((s) => s.text?.includes(ticketNumber))).toHaveLength(1);
  });

  it('tells the citizen the ticket was routed, and the OPD arrived (as the approved template, a day and a half later), once each', async () => {
    const created = (await api.ticket(ticketId))!;
    const triaged = await api.change('triageTicket', { ...ref(created), kind: 'COMPLAINT', categoryCode: CODES.roadCategory }, SPV);
    const dispatched = await api.change('dispatchTicket', ref(triaged), SPV);
    await deliverEverything();
    w.t.clock.advance(36 * HOUR);
    const acknowledged = await api.change('acknowledgeTicket', { ...ref(dispatched), note: 'Diterima' }, ACTORS.roadsOfficer);
    const departed = await api.change('departTicket', { ...ref(acknowledged), unit: 'Truk PUPR 03' }, ROADS_UNIT);
    await api.change('arriveOnSite', { ...ref(departed), latitude: -8.2467, longitude: 115.3554 }, ROADS_UNIT);
    await deliverEverything();
    await deliverEverything();

    const sent = graph.to(CITIZEN);
    expect(sent.map((s) => s.type)).toEqual(['text', 'text', 'text', 'template']);
    expect(sent[1].text).toContain(ticketNumber);
    expect(sent[2].text).toMatch(new RegExp(`^Laporan ${ticketNumber} sudah diteruskan ke `));
    expect(sent[3].template).toEqual({ name: 'sigap_on_site', language: 'id', parameters: [expect.any(String), ticketNumber] });
    expect(await w.metric('sigap_channel_outbound_attempts_total', { platform: 'WHATSAPP', purpose: 'MILESTONE', outcome: 'sent' })).toBe(3);
    const [arrival] = await w.sql<{ status: string; status_detail: string; platform_message_id: string }>(
      `select status, status_detail, platform_message_id from channel_message where conversation_id = $1 and template_name = 'sigap_on_site'`, [conversationId],
    );
    expect(arrival).toMatchObject({ status: 'SENT', platform_message_id: sent[3].messageId, status_detail: expect.stringMatching(/outside WhatsApp's 24-hour customer-service window/) });
  });

  it("outside the window refuses free text with the templates that would do, and sends the follow-up template", async () => {
    const closed = await w.t.gql<any>(REPLY, { input: { conversationId, text: 'Apakah jalannya sudah diperbaiki?' } }, CT);
    expect(closed.body.data.replyToConversation).toMatchObject({ __typename: 'CustomerWindowClosed', templateKeys: expect.arrayContaining(['FOLLOW_UP']) });
    const followUp = await w.t.gql<any>(REPLY, { input: { conversationId, templateKey: 'FOLLOW_UP' } }, CT);
    expect(followUp.body.data.replyToConversation).toMatchObject({ __typename: 'ConversationReplyQueued', templateName: 'sigap_follow_up' });
    await deliverEverything();
    expect(graph.to(CITIZEN).at(-1)).toMatchObject({ type: 'template', template: { name: 'sigap_follow_up', language: 'id', parameters: [] } });
    expect(graph.refused).toEqual([]);
  });

  it('stops milestones after BERHENTI: the resolution is not sent', async () => {
    await citizenWrites('BERHENTI');
    const [{ opted_out }] = await w.sql<{ opted_out: boolean }>('select opted_out from channel_conversation where id = $1', [conversationId]);
    expect(opted_out).toBe(true);
    const before = graph.to(CITIZEN).length;
    const onSite = (await api.ticket(ticketId))!;
    await api.change('resolveTicket', { ...ref(onSite), note: 'Lubang ditambal' }, ROADS_UNIT);
    await deliverEverything();
    expect(graph.to(CITIZEN)).toHaveLength(before);
  });
});

