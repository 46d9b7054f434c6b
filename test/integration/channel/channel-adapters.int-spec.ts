import { MetaSendApiAdapter } from '../../../src/core/channel/outbound/adapters/meta-send-api.adapter';
import { TelegramAdapter } from '../../../src/core/channel/outbound/adapters/telegram.adapter';
import { WhatsAppAdapter } from '../../../src/core/channel/outbound/adapters/whatsapp.adapter';
import { FakeMetaGraphApi } from '../../support/fake-meta-graph-api';
import { FakeTelegramBotApi } from '../../support/fake-telegram-bot-api';
import { ManualClock } from '../../support/manual-clock';

// The adapters against fake platforms that are real HTTP servers: each call
// crosses a socket and is checked for shape and token as the platform would.
describe('channel adapters against fake platforms', () => {
  const clock = new ManualClock('2026-12-03T02:00:00Z');
  const PHONE_ID = '106540352242922';
  let graph: FakeMetaGraphApi;
  let telegram: FakeTelegramBotApi;
  const settings = (): { baseUrl: string; accessToken: string; timeoutMs: number } => ({ baseUrl: graph.baseUrl, accessToken: 'EAAG-test-token', timeoutMs: 10_000 });

  beforeAll(async () => {
    graph = await FakeMetaGraphApi.start({ accessToken: 'EAAG-test-token', clock });
    telegram = await FakeTelegramBotApi.start({ '7012345678': '7012345678:AAE-test-token' });
  });
  afterAll(async () => {
    await graph.close();
    await telegram.close();
  });

  it('WhatsApp: free text inside the window is sent with the token and returns the wamid', async () => {
    graph.userWrote(PHONE_ID, '6281234567890', clock.now());
    const result = await new WhatsAppAdapter(settings()).send({ accountId: PHONE_ID, recipient: '6281234567890', content: { kind: 'text', text: 'Laporan Anda diterima' } });
    expect(result).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^wamid\./) });
    expect(graph.sent.at(-1)).toMatchObject({ api: 'whatsapp', accountId: PHONE_ID, to: '6281234567890', type: 'text', text: 'Laporan Anda diterima' });
  });

  it('WhatsApp: free text outside the window is a permanent failure that says the window is closed (131047)', async () => {
    graph.userWrote(PHONE_ID, '6281111111111', new Date(clock.now().getTime() - 25 * 3600_000));
    const result = await new WhatsAppAdapter(settings()).send({ accountId: PHONE_ID, recipient: '6281111111111', content: { kind: 'text', text: 'Halo' } });
    expect(result).toMatchObject({ ok: false, failure: { retryable: false, windowClosed: true, statusCode: 400, platformCode: '131047' } });
  });

  it('WhatsApp: a template goes out outside the window with its parameters', async () => {
    const result = await new WhatsAppAdapter(settings()).send({
      accountId: PHONE_ID, recipient: '6281111111111',
      content: { kind: 'template', name: 'sigap_status_update', language: 'id', parameters: ['BGL-2026-000123', 'Tim tiba di lokasi'], text: 'ignored' },
    });
    expect(result.ok).toBe(true);
    expect(graph.sent.at(-1)).toMatchObject({ type: 'template', template: { name: 'sigap_status_update', language: 'id', parameters: ['BGL-2026-000123', 'Tim tiba di lokasi'] } });
  });

  it('a wrong token is permanent (190); 5xx, 429 and rate-limit codes are retryable; Retry-After is read', async () => {
    const wrong = new WhatsAppAdapter({ ...settings(), accessToken: 'stale' });
    expect(await wrong.send({ accountId: PHONE_ID, recipient: '6281234567890', content: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, failure: { retryable: false, statusCode: 401, platformCode: '190' } });
    graph.failNext({ status: 503, code: 2 }, { status: 429, code: 130429, retryAfter: '7' }, { status: 400, code: 131056 }, { status: 400, code: 131026, message: 'Message undeliverable' });
    const adapter = new WhatsAppAdapter(settings());
    const send = (): ReturnType<WhatsAppAdapter['send']> => adapter.send({ accountId: PHONE_ID, recipient: '6281234567890', content: { kind: 'text', text: 'x' } });
    expect(await send()).toMatchObject({ ok: false, failure: { retryable: true, statusCode: 503 } });
    expect(await send()).toMatchObject({ ok: false, failure: { retryable: true, statusCode: 429, retryAfterMs: 7000 } });
    expect(await send()).toMatchObject({ ok: false, failure: { retryable: true, platformCode: '131056' } });
    expect(await send()).toMatchObject({ ok: false, failure: { retryable: false, platformCode: '131026' } });
  });

  it('no answer (nothing listening) is retryable and the error names no URL or token', async () => {
    const closed = await FakeMetaGraphApi.start({ accessToken: 't' });
    const baseUrl = closed.baseUrl;
    await closed.close();
    const result = await new WhatsAppAdapter({ baseUrl, accessToken: 'secret-token', timeoutMs: 5_000 }).send({ accountId: PHONE_ID, recipient: '6281234567890', content: { kind: 'text', text: 'x' } });
    expect(result).toMatchObject({ ok: false, failure: { retryable: true, statusCode: null } });
    expect(JSON.stringify(result)).not.toMatch(/secret-token|127\.0\.0\.1/);
  });

  it('Messenger and Instagram: a reply is a RESPONSE, a template an ACCOUNT_UPDATE tag with its text', async () => {
    const messenger = new MetaSendApiAdapter('MESSENGER', settings());
    expect(await messenger.send({ accountId: '100200300', recipient: 'PSID-1', content: { kind: 'text', text: 'Halo' } })).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^m_/) });
    expect(graph.sent.at(-1)).toMatchObject({ api: 'send-api', accountId: '100200300', to: 'PSID-1', messagingType: 'RESPONSE', text: 'Halo' });
    const instagram = new MetaSendApiAdapter('INSTAGRAM', settings());
    await instagram.send({ accountId: '178900', recipient: 'IGSID-1', content: { kind: 'template', name: 'sigap_status_update', language: 'en', parameters: [], text: 'Your report was resolved' } });
    expect(graph.sent.at(-1)).toMatchObject({ accountId: '178900', messagingType: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE', text: 'Your report was resolved' });
    graph.failNext({ status: 400, code: 10, subcode: 2018278, message: 'This message is sent outside of allowed window' });
    expect(await messenger.send({ accountId: '100200300', recipient: 'PSID-1', content: { kind: 'text', text: 'late' } })).toMatchObject({ ok: false, failure: { retryable: false, windowClosed: true } });
  });

  it('Telegram: sendMessage with the bot token in the path; unknown bot, 403 and 429 classified', async () => {
    const adapter = new TelegramAdapter({ baseUrl: telegram.baseUrl, tokenFor: (id) => (id === '7012345678' ? '7012345678:AAE-test-token' : id === '999' ? 'bad:token' : null), timeoutMs: 10_000 });
    const ok = await adapter.send({ accountId: '7012345678', recipient: '123456789', content: { kind: 'text', text: 'Halo' } });
    expect(ok).toEqual({ ok: true, platformMessageId: expect.stringMatching(/^7012345678:123456789:\d+$/) });
    expect(telegram.sent.at(-1)).toMatchObject({ botId: '7012345678', chatId: '123456789', text: 'Halo' });
    expect(await adapter.send({ accountId: '555', recipient: '1', content: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, failure: { retryable: false } });
    const unauthorized = await adapter.send({ accountId: '999', recipient: '1', content: { kind: 'text', text: 'x' } });
    expect(unauthorized).toMatchObject({ ok: false, failure: { retryable: false, statusCode: 401 } });
    expect(JSON.stringify(unauthorized)).not.toContain('bad:token');
    telegram.failNext({ status: 429, description: 'Too Many Requests: retry after 3', retryAfterS: 3 }, { status: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await adapter.send({ accountId: '7012345678', recipient: '123456789', content: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, failure: { retryable: true, retryAfterMs: 3000 } });
    expect(await adapter.send({ accountId: '7012345678', recipient: '123456789', content: { kind: 'text', text: 'x' } })).toMatchObject({ ok: false, failure: { retryable: false, statusCode: 403 } });
  });
});
