import type { HTTPRequest } from 'puppeteer-core';
import { MetricsRegistry } from '../../src/infra/metrics/metrics.registry';
import { FakeMeta } from '../support/fake-meta';
import { FakeMetaGraphApi } from '../support/fake-meta-graph-api';
import { ManualClock } from '../support/manual-clock';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';
import { startBrowserApp, type BrowserApp, type ConsoleSession } from './support/browser-app';

// The social inbox in a real browser on the real server: a signed WhatsApp webhook (the fake Meta sender)
// reaches the server, the conversation appears live in the call takers' inboxes (conversationUpdated over
// graphql-ws), one of two call takers wins the claim and the other is told who did, the winner replies
// (the fake WhatsApp Cloud API, a real HTTP server, receives it) and makes a ticket whose detail keeps the
// message reference. Then a citizen who wrote 25 hours ago: free text is refused as outside WhatsApp's
// window, and the approved template is offered and sent instead.

const APP_SECRET = 'browser-meta-app-secret-0123456789';
const ACCESS_TOKEN = 'EAAG-browser-access';
const WA_PHONE_ID = '109876543210001';
const ADMIN = { userId: 'browser-admin', role: 'ADMIN' };
const HOUR = 60 * 60 * 1000;

describe('console: the social inbox', () => {
  let site: BrowserApp;
  let graph: FakeMetaGraphApi;
  let meta: FakeMeta;
  // The server's clock starts at the browser's time, so the waiting times the browser counts are the server's.
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    // The fake checks WhatsApp's window on the server's clock.
    graph = await FakeMetaGraphApi.start({ accessToken: ACCESS_TOKEN, clock });
    site = await startBrowserApp('social-inbox', clock, {
      META_APP_SECRET: APP_SECRET,
      META_VERIFY_TOKEN: 'browser-verify-token',
      META_ACCESS_TOKEN: ACCESS_TOKEN,
      META_GRAPH_BASE_URL: graph.baseUrl,
      // The dispatcher runs as in production: woken by NOTIFY when a reply or milestone is queued.
      CHANNEL_DISPATCHER_ENABLED: 'true',
    });
    const res = await site.app.gql<any>(
      'mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { id } }',
      { input: { platform: 'WHATSAPP', accountId: WA_PHONE_ID, displayName: 'WhatsApp Pemkab Bangli', decreeRef: 'Kep. Bupati Bangli No. 100/2026' } },
      ADMIN,
    );
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    meta = new FakeMeta(site.baseUrl, APP_SECRET);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await site?.close();
    await graph?.close();
  }, BOOT_TIMEOUT_MS);

  /** A citizen's WhatsApp message, delivered as Meta does (signed); its wamid. */
  async function citizenWrites(from: string, name: string, text: string): Promise<string> {
    const at = clock.now();
    const body = meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from, name, text, at }]);
    const wamid = (JSON.parse(body.toString()) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ id: string }> } }> }> }).entry[0].changes[0].value.messages[0].id;
    const answer = await meta.deliver(body);
    if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${answer.body}`);
    graph.userWrote(WA_PHONE_ID, from, at);
    return wamid;
  }

  /** Resolves once `count` browsers are subscribed to conversationUpdated (so a webhook after it is pushed to them). */
  async function subscribers(count: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const text = await site.app.app.get(MetricsRegistry).metrics();
      const line = text.split('\n').find((l) => l.startsWith('sigap_subscriptions_open{') && l.includes('subscription="conversationUpdated"'));
      if (line && Number(line.split(' ').pop()) >= count) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${count} conversationUpdated subscribers after 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Holds this browser's next claim request until the returned function lets it go (a deterministic race). */
  async function holdNextClaim(session: ConsoleSession): Promise<{ held: Promise<void>; release(): Promise<void> }> {
    await session.page.setRequestInterception(true);
    let request: HTTPRequest | null = null;
    let heard: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (heard = resolve));
    session.page.on('request', (req) => {
      if (!request && req.method() === 'POST' && (req.postData() ?? '').includes('InboxClaim')) {
        request = req;
        heard();
        return;
      }
      void req.continue();
    });
    return { held, release: async () => request?.continue() };
  }

  it('shows a new WhatsApp message live; one call taker wins the claim, replies and makes a ticket that keeps the message reference', async () => {
    const ayu = await site.openSession('inbox');
    const budi = await site.openSession('inbox-rival');
    await ayu.signIn(await site.createUser('CALL_TAKER', { username: 'ayu' }));
    await budi.signIn(await site.createUser('CALL_TAKER', { username: 'budi' }));
    for (const s of [ayu, budi]) {
      await s.goto('/inbox');
      await s.waitForText('Tidak ada percakapan yang menunggu.');
    }
    await subscribers(2);

    // An older message first, then the one this story follows: the longest wait is listed first.
    await citizenWrites('6281355500009', 'Kadek Wira', 'Lampu jalan di Jalan Merdeka mati sejak kemarin');
    clock.advance(60_000);
    const wamid = await citizenWrites('6281355500001', 'Ni Luh Sari', 'Ada jalan berlubang besar di depan pasar Kintamani, bahaya untuk motor');
    await ayu.waitForText('Ni Luh Sari', '[data-testid="inbox-list"]');
    await ayu.waitForText('Kadek Wira', '[data-testid="inbox-list"]');
    const order = await ayu.page.$$eval('[data-testid="inbox-row"]', (rows) => rows.map((r) => (r as unknown as { innerText: string }).innerText));
    expect(order[0]).toContain('Kadek Wira');
    expect(order[1]).toContain('Ni Luh Sari');
    expect(order[1]).toContain('WhatsApp');
    expect(order[1]).toContain('6281355500001');
    expect(order[1]).toContain('Menunggu');
    await ayu.step('waiting');

    // Both open Ni Luh's conversation; Budi's claim is held in the network until Ayu's has won.
    const conversationId = await ayu.page.$$eval('[data-testid="inbox-row"]', (rows) => rows.map((r) => (r as unknown as { dataset: { conversation: string } }).dataset.conversation)[1]);
    for (const s of [ayu, budi]) {
      await s.goto(`/inbox/${conversationId}`);
      await s.waitForText('jalan berlubang', '[data-testid="messages"]');
    }
    const budiClaim = await holdNextClaim(budi);
    await budi.click('[data-testid="claim"]');
    await budiClaim.held;
    await ayu.click('[data-testid="claim"]');
    await ayu.page.waitForSelector('#reply-text');
    await budiClaim.release();
    await budi.waitForText('sudah diambil oleh ayu', '[data-testid="inbox-notice"]');
    await budi.step('already-claimed');

    // Ayu answers from the keyboard: type, Tab to the send button, Enter.
    await ayu.page.focus('#reply-text');
    await ayu.type('Terima kasih, laporan Anda kami catat dan teruskan ke PUPR.');
    await ayu.press('Tab');
    await ayu.press('Enter');
    await ayu.waitForText('Balasan masuk antrean pengiriman.', '[data-testid="reply-outcome"]');
    const [reply] = await graph.waitForSent(1, 60_000);
    expect(reply).toMatchObject({ api: 'whatsapp', to: '6281355500001', type: 'text', text: 'Terima kasih, laporan Anda kami catat dan teruskan ke PUPR.' });
    await ayu.waitForText('Terima kasih, laporan Anda', '[data-testid="messages"]');

    // The ticket form starts from what the citizen wrote.
    expect(await ayu.page.$eval('#ticket-description', (el) => (el as unknown as { value: string }).value)).toBe('Ada jalan berlubang besar di depan pasar Kintamani, bahaya untuk motor');
    await ayu.page.select('#ticket-category', 'JALAN_RUSAK');
    await ayu.page.select('#ticket-district', 'KINTAMANI');
    await ayu.step('conversation');
    await ayu.click('#ticket-description ~ button[type="submit"]');
    await ayu.waitForText('dibuat; warga diberi tahu nomornya', '[data-testid="action-outcome"]');
    // The citizen is told the number (the RECEIVED milestone, through the relay and the dispatcher).
    const sent = await graph.waitForSent(2, 60_000);
    expect(sent[1]).toMatchObject({ to: '6281355500001' });

    await ayu.click('[data-testid="action-outcome"] a');
    await ayu.page.waitForSelector('[data-testid="ticket-channel"]');
    const channel = await ayu.text('[data-testid="ticket-channel"]');
    expect(channel).toContain('WHATSAPP');
    expect(channel).toContain(WA_PHONE_ID);
    expect(channel).toContain(wamid);
    await ayu.waitForText('jalan berlubang', '.description');
    await ayu.step('ticket');
    await ayu.close();
    await budi.close();
  });

  it('outside the 24-hour window refuses free text in words and sends the approved template instead', async () => {
    await citizenWrites('6281355500002', 'Putu Arsa', 'Sampah menumpuk di Banjar Kayuambua');
    // A day and an hour later (sessions start after it: their tokens are of the server's time).
    clock.advance(25 * HOUR);
    const sessionUser = await site.createUser('CALL_TAKER', { username: 'komang' });
    const komang = await site.openSession('inbox-window');
    await komang.signIn(sessionUser);
    await komang.goto('/inbox');
    await komang.waitForText('Putu Arsa', '[data-testid="inbox-list"]');
    await komang.click('::-p-aria(Ambil Putu Arsa · 6281355500002)');
    await komang.page.waitForSelector('#reply-text');
    await komang.waitForText('hanya templat yang disetujui', '[data-testid="reply-window"]');
    const before = graph.sent.length;

    await komang.page.focus('#reply-text');
    await komang.type('Baik, kami cek ke lokasi.');
    await komang.press('Tab');
    await komang.press('Enter');
    await komang.waitForText('Jendela 24 jam WhatsApp sudah tertutup', '[data-testid="reply-outcome"]');
    await komang.waitForText('FOLLOW_UP', '[data-testid="template-picker"]');
    // What was typed is kept; nothing went to WhatsApp.
    expect(await komang.page.$eval('#reply-text', (el) => (el as unknown as { value: string }).value)).toBe('Baik, kami cek ke lokasi.');
    expect(graph.sent.length).toBe(before);
    await komang.step('window-closed');

    await komang.click('input[name="template"][value="FOLLOW_UP"]');
    await komang.click('[data-testid="send-template"]');
    await komang.waitForText('sigap_follow_up', '[data-testid="reply-outcome"]');
    const sent = await graph.waitForSent(before + 1, 60_000);
    expect(sent[before]).toMatchObject({ to: '6281355500002', type: 'template', template: expect.objectContaining({ name: 'sigap_follow_up' }) });
    await komang.close();
  });

  it('attaches a conversation to an existing ticket by its number, and answers an information request in one step', async () => {
    const created = await site.app.gql<any>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { __typename ... on TicketCreated { ticket { id number } } } }`,
      { input: { channel: 'PHONE', kind: 'COMPLAINT', description: 'Jembatan retak di Banjar Kayuambua', descriptionLanguage: 'id', categoryCode: 'JALAN_RUSAK', location: { district: 'KINTAMANI', village: 'Kayuambua' } } },
    );
    const ticket = created.body.data?.createTicket?.ticket as { id: string; number: string } | undefined;
    if (!ticket) throw new Error(JSON.stringify(created.body));
    await citizenWrites('6281355500003', 'Wayan Sudi', 'Jembatan di Kayuambua retak, sudah dilaporkan belum?');
    await citizenWrites('6281355500004', 'Made Rai', 'Kantor camat Kintamani buka jam berapa?');
    const before = graph.sent.length;
    const s = await site.openSession('inbox-attach');
    await s.signIn(await site.createUser('CALL_TAKER', { username: 'wayan' }));
    await s.goto('/inbox');
    await s.waitForText('Wayan Sudi', '[data-testid="inbox-list"]');

    // Attach: a number that does not exist is said so; the right one links and tells the citizen.
    await s.click('::-p-aria(Ambil Wayan Sudi · 6281355500003)');
    await s.click('::-p-aria(Tautkan ke tiket)');
    await s.page.focus('#attach-number');
    await s.type('BGL-2026-999999');
    await s.press('Enter');
    await s.waitForText('Tidak ada tiket bernomor BGL-2026-999999', '[data-testid="action-outcome"]');
    await s.page.focus('#attach-number');
    await s.press('a', 'Control');
    await s.type(`#${ticket.number}`);
    await s.press('Enter');
    await s.waitForText(`ditautkan ke tiket ${ticket.number}`, '[data-testid="action-outcome"]');
    await s.step('attached');
    const linked = await site.app.gql<any>('query($id: ID!) { channelConversation(id: $id) { ticketId } }', { id: await s.page.$eval('[data-testid="inbox-row"][aria-current="true"]', (el) => (el as unknown as { dataset: { conversation: string } }).dataset.conversation) });
    expect(linked.body.data.channelConversation.ticketId).toBe(ticket.id);

    // Answer an information request: recorded as an answered INFORMATION ticket, sent, closed.
    await s.click('::-p-aria(Ambil Made Rai · 6281355500004)');
    await s.click('::-p-aria(Jawab permintaan informasi)');
    expect(await s.page.$eval('#answer-question', (el) => (el as unknown as { value: string }).value)).toBe('Kantor camat Kintamani buka jam berapa?');
    await s.page.focus('#answer-text');
    await s.type('Kantor camat buka Senin sampai Jumat, pukul 08.00 sampai 15.00 WITA.');
    await s.click('::-p-aria(Kirim jawaban dan tutup)');
    await s.waitForText('dicatat sebagai tiket', '[data-testid="action-outcome"]');
    await s.step('answered');
    const sent = await graph.waitForSent(before + 2, 60_000);
    expect(sent.slice(before).map((m) => m.to)).toEqual(expect.arrayContaining(['6281355500003', '6281355500004']));
    expect(sent.slice(before).some((m) => m.text === 'Kantor camat buka Senin sampai Jumat, pukul 08.00 sampai 15.00 WITA.')).toBe(true);
    await s.close();
  });
});
