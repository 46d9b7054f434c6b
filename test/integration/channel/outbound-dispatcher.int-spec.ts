import { randomUUID } from 'node:crypto';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { OutboundDispatcher } from '../../../src/core/channel';
import { ChannelAdapters, CHANNEL_OUTBOUND_SETTINGS } from '../../../src/core/channel/outbound/application/channel-adapters';
import { ChannelOutboundMetrics } from '../../../src/core/channel/outbound/application/channel-outbound.metrics';
import { OutboxRelay } from '../../../src/core/delivery';
import { CLOCK } from '../../../src/infra/clock/clock';
import { FakeMetaGraphApi } from '../../support/fake-meta-graph-api';
import { FakeTelegramBotApi } from '../../support/fake-telegram-bot-api';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// Milestones from the real outbox relay into the channel queue, sent by two
// dispatchers with pools of their own (as two instances would) to fake
// platforms that are real HTTP servers: each milestone reaches the citizen
// once, as free text inside WhatsApp's window and as the approved template
// outside it; retryable failures come back, permanent ones are dead-lettered.

const PHONE_ID = '106540352242922';
const BOT_ID = '7012345678';
const TOKEN = 'EAAG-outbound-test-token';

describe('channel outbound dispatcher', () => {
  const T0 = new Date('2026-12-03T02:00:00Z');
  const clock = new ManualClock(T0);
  let t: TestApp;
  let graph: FakeMetaGraphApi;
  let telegram: FakeTelegramBotApi;
  let other: MikroORM;
  let otherDispatcher: OutboundDispatcher;
  let waAccount: string;
  let tgAccount: string;

  beforeAll(async () => {
    graph = await FakeMetaGraphApi.start({ accessToken: TOKEN, clock });
    telegram = await FakeTelegramBotApi.start({ [BOT_ID]: `${BOT_ID}:AAE-bot-token` });
    t = await startTestApp({
      META_APP_SECRET: 'app-secret-0123456789abcdef', META_VERIFY_TOKEN: 'verify-123', META_ACCESS_TOKEN: TOKEN, META_GRAPH_BASE_URL: graph.baseUrl,
      TELEGRAM_BOTS: `${BOT_ID}=${BOT_ID}:AAE-bot-token=tg-secret`, TELEGRAM_API_BASE_URL: telegram.baseUrl, CHANNEL_SEND_MAX_ATTEMPTS: '3',
    }, clock);
    other = await MikroORM.init(buildOrmOptions(t.db.url, 4));
    otherDispatcher = new OutboundDispatcher(other.em, t.app.get(ChannelAdapters), t.app.get(CHANNEL_OUTBOUND_SETTINGS), t.app.get(CLOCK), t.app.get(ChannelOutboundMetrics));
    waAccount = await account('WHATSAPP', PHONE_ID);
    tgAccount = await account('TELEGRAM', BOT_ID);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await other?.close(true);
    await t?.close();
    await graph?.close();
    await telegram?.close();
  }, BOOT_TIMEOUT_MS);

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => t.app.get(EntityManager).getConnection().execute<T[]>(text, params);

  async function account(platform: string, accountId: string): Promise<string> {
    const id = randomUUID();
    await sql(`insert into official_account (id, platform, account_id, display_name, created_by, created_at, updated_at) values (?, ?, ?, ?, 'admin', ?, ?)`, [id, platform, accountId, `Pemkab Bangli ${platform}`, T0, T0]);
    return id;
  }

  async function conversation(accountUuid: string, handle: string, o: { ticketId: string; language?: string; lastInboundAt?: Date | null; optedOut?: boolean }): Promise<string> {
    const id = randomUUID();
    await sql(
      `insert into channel_conversation (id, account_id, sender_handle, language, state, last_inbound_at, ticket_id, opted_out, created_at, updated_at)
       values (?, ?, ?, ?, 'CLOSED', ?, ?, ?, ?, ?)`,
      [id, accountUuid, handle, o.language ?? 'id', o.lastInboundAt === undefined ? clock.now() : o.lastInboundAt, o.ticketId, o.optedOut ?? false, T0, T0],
    );
    return id;
  }

  async function ticketEvent(ticketId: string, topic: string, opdCode = 'BPBD'): Promise<void> {
    await sql(
      `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at) values (?, ?, 'ticket', ?, cast(? as jsonb), ?)`,
      [randomUUID(), topic, ticketId, JSON.stringify({ ticketId, number: `BGL-2026-${ticketId.slice(0, 6)}`, type: topic.slice(7).toUpperCase(), opdCode, kind: 'EMERGENCY' }), clock.now()],
    );
  }

  async function relayAll(): Promise<void> {
    while ((await t.app.get(OutboxRelay).relayOnce()).published > 0);
  }

  /** Both dispatchers at once, until neither finds anything due. */
  async function dispatchConcurrently(): Promise<void> {
    for (;;) {
      const round = await Promise.all([t.app.get(OutboundDispatcher).dispatchOnce(2), otherDispatcher.dispatchOnce(2), t.app.get(OutboundDispatcher).dispatchOnce(2), otherDispatcher.dispatchOnce(2)]);
      if (round.every((r) => r.claimed === 0)) return;
    }
  }

  const messagesOf = (conversationId: string): Promise<Array<{ kind: string; text: string; status: string; platform_message_id: string | null; template_name: string | null; status_detail: string | null }>> =>
    sql('select kind, text, status, platform_message_id, template_name, status_detail from channel_message where conversation_id = ? order by created_at, id', [conversationId]);

  it('sends each milestone once to every linked conversation, in its language, with two dispatchers', async () => {
    const tickets = Array.from({ length: 6 }, () => randomUUID());
    const citizens = tickets.map((_, i) => `62812000000${i}`);
    for (const [i, ticketId] of tickets.entries()) {
      graph.userWrote(PHONE_ID, citizens[i], clock.now());
      await conversation(waAccount, citizens[i], { ticketId, language: i % 2 ? 'en' : 'id' });
    }
    const chat = await conversation(tgAccount, '555001', { ticketId: tickets[0], language: 'en', lastInboundAt: null });
    for (const ticketId of tickets) {
      await ticketEvent(ticketId, 'ticket.dispatch');
      await ticketEvent(ticketId, 'ticket.add_note');
      // A reassignment routes again: the citizen already heard it was routed.
      await ticketEvent(ticketId, 'ticket.reassign', 'DINKES');
      await ticketEvent(ticketId, 'ticket.arrive');
    }
    await relayAll();
    await dispatchConcurrently();

    for (const [i, citizen] of citizens.entries()) {
      const got = graph.to(citizen).map((s) => s.text);
      expect(got).toHaveLength(2);
      if (i % 2) expect(got).toEqual([`Report BGL-2026-${tickets[i].slice(0, 6)} has been passed to Regional Disaster Management Agency for action.`, expect.stringMatching(/^Regional Disaster Management Agency staff have arrived/)]);
      else expect(got).toEqual([expect.stringMatching(/^Laporan BGL-2026-\w+ sudah diteruskan ke Badan Penanggulangan Bencana Daerah/), expect.stringMatching(/^Petugas Badan Penanggulangan Bencana Daerah sudah tiba di lokasi/)]);
    }
    // Telegram has no window: free text, once each.
    expect(telegram.sent.filter((s) => s.chatId === '555001').map((s) => s.text)).toEqual([expect.stringMatching(/^Report .* passed to/), expect.stringMatching(/arrived/)]);
    const recorded = await messagesOf(chat);
    expect(recorded.map((m) => m.status)).toEqual(['SENT', 'SENT']);
    expect(recorded[0].platform_message_id).toMatch(new RegExp(`^${BOT_ID}:555001:\\d+$`));

    // The same causes replayed (a relay retry, a lost record) add nothing.
    for (const ticketId of tickets) await ticketEvent(ticketId, 'ticket.arrive');
    await relayAll();
    await dispatchConcurrently();
    expect(graph.sent.filter((s) => citizens.includes(s.to))).toHaveLength(12);
  });

  it('outside the 24-hour window sends the approved template, and the delivery record says so', async () => {
    const ticketId = randomUUID();
    const lastWrote = new Date(clock.now().getTime() - 30 * 3600_000);
    graph.userWrote(PHONE_ID, '6281999000001', lastWrote);
    const convo = await conversation(waAccount, '6281999000001', { ticketId, lastInboundAt: lastWrote });
    await ticketEvent(ticketId, 'ticket.resolve');
    await relayAll();
    await dispatchConcurrently();
    expect(graph.to('6281999000001')).toEqual([expect.objectContaining({ type: 'template', template: { name: 'sigap_resolved', language: 'id', parameters: [`BGL-2026-${ticketId.slice(0, 6)}`] } })]);
    const [m] = await messagesOf(convo);
    expect(m).toMatchObject({ kind: 'TEMPLATE', status: 'SENT', template_name: 'sigap_resolved', platform_message_id: expect.stringMatching(/^wamid\./) });
    expect(m.status_detail).toMatch(/approved template sigap_resolved: outside WhatsApp's 24-hour customer-service window/);
  });

  it('retries a retryable failure after its backoff and dead-letters a permanent one', async () => {
    const [retried, refused] = [randomUUID(), randomUUID()];
    graph.userWrote(PHONE_ID, '6281999000002', clock.now());
    graph.userWrote(PHONE_ID, '6281999000003', clock.now());
    const a = await conversation(waAccount, '6281999000002', { ticketId: retried });
    await ticketEvent(retried, 'ticket.arrive');
    await relayAll();
    graph.failNext({ status: 503, code: 2, message: 'Service temporarily unavailable' });
    expect(await t.app.get(OutboundDispatcher).dispatchOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    // Not due yet: nothing is claimed until the backoff has passed.
    expect(await t.app.get(OutboundDispatcher).dispatchOnce()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await t.app.get(OutboundDispatcher).dispatchOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect((await messagesOf(a)).map((m) => m.status)).toEqual(['SENT']);

    const b = await conversation(waAccount, '6281999000003', { ticketId: refused });
    await ticketEvent(refused, 'ticket.arrive');
    await relayAll();
    graph.failNext({ status: 400, code: 131026, message: 'Message undeliverable' });
    expect(await t.app.get(OutboundDispatcher).dispatchOnce()).toMatchObject({ claimed: 1, dead: 1 });
    const [m] = await messagesOf(b);
    expect(m).toMatchObject({ status: 'FAILED', status_detail: expect.stringContaining('131026') });
    const [q] = await sql<{ status: string; attempts: number }>('select q.status, q.attempts from channel_outbound_queue q join channel_conversation c on c.id = q.conversation_id where c.id = ?', [b]);
    expect(q).toEqual({ status: 'DEAD', attempts: 1 });
  });

  it('sends nothing to a conversation that opted out, and cancels what was queued before the opt-out', async () => {
    const [before, after] = [randomUUID(), randomUUID()];
    const out = await conversation(waAccount, '6281999000004', { ticketId: before, optedOut: true });
    await ticketEvent(before, 'ticket.arrive');
    const later = await conversation(waAccount, '6281999000005', { ticketId: after });
    await ticketEvent(after, 'ticket.arrive');
    await relayAll();
    await sql('update channel_conversation set opted_out = true where id = ?', [later]);
    await dispatchConcurrently();
    expect(await messagesOf(out)).toEqual([]);
    expect((await messagesOf(later)).map((m) => [m.status, m.status_detail])).toEqual([['FAILED', 'Not sent: the citizen opted out of status updates']]);
    expect(graph.to('6281999000004').concat(graph.to('6281999000005'))).toEqual([]);
  });
});
