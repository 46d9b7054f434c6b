import { FakeMeta } from '../../support/fake-meta';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ADMIN, BOT_ID, ChannelWorld, PAGE_ID, startChannelWorld, VERIFY_TOKEN, WA_PHONE_ID } from './channel-world';

// The platforms' webhooks against fakes that sign exactly as Meta and Telegram
// do, over real HTTP: the handshake, forged and stale signatures, at-least-once
// deliveries, batches, out-of-order status callbacks, unregistered accounts.

describe('channel webhooks', () => {
  let w: ChannelWorld;
  const messagesOf = async (platformMessageId: string) =>
    Number((await w.sql<{ n: string }>('select count(*) as n from channel_message where platform_message_id = $1', [platformMessageId]))[0].n);
  const totalMessages = async () => Number((await w.sql<{ n: string }>('select count(*) as n from channel_message'))[0].n);

  beforeAll(async () => {
    w = await startChannelWorld();
    await w.register('WHATSAPP', WA_PHONE_ID, 'WhatsApp Pemkab Bangli');
    await w.register('MESSENGER', PAGE_ID, 'Facebook Pemkab Bangli');
    await w.register('TELEGRAM', BOT_ID, '@pemkabbangli_bot');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => w?.close(), BOOT_TIMEOUT_MS);

  describe('Meta handshake (GET /webhooks/meta)', () => {
    it('answers the challenge as plain text when the verify token matches, 403 otherwise', async () => {
      expect(await w.meta.handshake(VERIFY_TOKEN, '1158201444')).toMatchObject({ status: 200, body: '1158201444' });
      expect((await w.meta.handshake('wrong-token', '1158201444')).status).toBe(403);
      expect((await w.meta.handshake(VERIFY_TOKEN, '1158201444', 'unsubscribe')).status).toBe(403);
    });
  });

  describe('signatures (POST /webhooks/meta)', () => {
    // Meta signs its escaped-unicode bytes; this text has non-ASCII and '@', the two classic mismatches.
    const body = (id: string) => w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from: '6281200000001', id, text: 'Jalan berlubang di Kintamani — mohon dicek @dinas ä' }]);

    it('stores a correctly signed delivery and answers 200 (not 201)', async () => {
      const id = FakeMeta.wamid();
      const res = await w.meta.deliver(body(id));
      expect(res).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
      expect(await messagesOf(id)).toBe(1);
      const [row] = await w.sql<{ text: string; kind: string }>('select text, kind from channel_message where platform_message_id = $1', [id]);
      expect(row).toEqual({ text: 'Jalan berlubang di Kintamani — mohon dicek @dinas ä', kind: 'TEXT' });
    });

    it('refuses a forged, a missing, a malformed and a stale signature, and a re-serialised body, storing nothing', async () => {
      const before = await totalMessages();
      const refusedBefore = await w.metric('sigap_channel_webhook_refused_total', { platform: 'META', reason: 'bad_signature' });
      const id = FakeMeta.wamid();
      const raw = body(id);
      const forged = new FakeMeta('unused', 'not-the-app-secret').signature(raw);
      expect((await w.meta.deliver(raw, forged)).status).toBe(401);
      expect((await w.meta.deliver(raw, null)).status).toBe(401);
      expect((await w.meta.deliver(raw, 'sha256=')).status).toBe(401);
      // Stale: a signature captured from an earlier delivery, replayed on another body.
      const earlier = w.meta.signature(body(FakeMeta.wamid()));
      expect((await w.meta.deliver(raw, earlier)).status).toBe(401);
      // The same content re-serialised by a JSON library: other bytes, so the original signature fails.
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
      expect(reserialised.equals(raw)).toBe(false);
      expect((await w.meta.deliver(reserialised, w.meta.signature(raw))).status).toBe(401);
      expect(await totalMessages()).toBe(before);
      expect(await w.metric('sigap_channel_webhook_refused_total', { platform: 'META', reason: 'bad_signature' })).toBe(refusedBefore + 5);
    });
  });

  describe('at-least-once deliveries', () => {
    it('keeps one message when the same delivery arrives three times, one after another and at once', async () => {
      const id = FakeMeta.wamid();
      const raw = w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from: '6281200000002', id, text: 'Sampah menumpuk di pasar' }]);
      for (let i = 0; i < 3; i++) expect((await w.meta.deliver(raw)).status).toBe(200);
      expect(await messagesOf(id)).toBe(1);
      const id2 = FakeMeta.wamid();
      const raw2 = w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from: '6281200000003', id: id2, text: 'Pohon tumbang' }]);
      const answers = await Promise.all([w.meta.deliver(raw2), w.meta.deliver(raw2), w.meta.deliver(raw2)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(await messagesOf(id2)).toBe(1);
      const conversations = await w.sql<{ id: string }>('select c.id from channel_conversation c join official_account a on a.id = c.account_id where sender_handle = $1', ['6281200000003']);
      expect(conversations).toHaveLength(1);
      const events = await w.sql<{ type: string; seq: number }>('select type, seq from channel_event where conversation_id = $1', [conversations[0].id]);
      expect(events).toEqual([{ type: 'OPENED', seq: 1 }]);
    });

    it('stores a batch of 50 messages from 5 senders in 2 entries of one delivery', async () => {
      const senders = ['6281300000001', '6281300000002', '6281300000003', '6281300000004', '6281300000005'];
      const ids: string[] = [];
      const part = (from: string[]) =>
        w.meta.whatsapp(WA_PHONE_ID, from.flatMap((s) => Array.from({ length: 10 }, (_, i) => {
          const id = FakeMeta.wamid();
          ids.push(id);
          return { kind: 'text' as const, from: s, id, text: `pesan ${i + 1} dari ${s}` };
        })));
      const raw = FakeMeta.batch(part(senders.slice(0, 2)), part(senders.slice(2)));
      expect((await w.meta.deliver(raw)).status).toBe(200);
      expect((await w.meta.deliver(raw)).status).toBe(200);
      const rows = await w.sql<{ n: string }>('select count(*) as n from channel_message where platform_message_id = any($1)', [ids]);
      expect(Number(rows[0].n)).toBe(50);
      const convs = await w.sql<{ n: string }>('select count(distinct conversation_id) as n from channel_message where platform_message_id = any($1)', [ids]);
      expect(Number(convs[0].n)).toBe(5);
    });

    it('keeps locations, images and voice notes (the media id as the attachment reference)', async () => {
      const [loc, img, voice] = [FakeMeta.wamid(), FakeMeta.wamid(), FakeMeta.wamid()];
      const raw = w.meta.whatsapp(WA_PHONE_ID, [
        { kind: 'location', from: '6281200000004', id: loc, latitude: -8.2794, longitude: 115.3552, name: 'Pasar Kidul', address: 'Jl. Nusantara, Bangli' },
        { kind: 'image', from: '6281200000004', id: img, mediaId: '1481250245612312', mimeType: 'image/jpeg', caption: 'Ini fotonya' },
        { kind: 'audio', from: '6281200000004', id: voice, mediaId: '998877665544', mimeType: 'audio/ogg; codecs=opus', voice: true },
      ]);
      expect((await w.meta.deliver(raw)).status).toBe(200);
      const rows = await w.sql('select platform_message_id, kind, text, location_latitude, location_name, attachment_ref, attachment_mime_type from channel_message where platform_message_id = any($1) order by kind', [[loc, img, voice]]);
      expect(rows).toEqual([
        { platform_message_id: voice, kind: 'AUDIO', text: null, location_latitude: null, location_name: null, attachment_ref: '998877665544', attachment_mime_type: 'audio/ogg; codecs=opus' },
        { platform_message_id: img, kind: 'IMAGE', text: 'Ini fotonya', location_latitude: null, location_name: null, attachment_ref: '1481250245612312', attachment_mime_type: 'image/jpeg' },
        { platform_message_id: loc, kind: 'LOCATION', text: null, location_latitude: -8.2794, location_name: 'Pasar Kidul', attachment_ref: null, attachment_mime_type: null },
      ]);
    });

    it('accepts a delivery larger than the GraphQL body limit (its own limit: a 413 would make Meta retry for days)', async () => {
      const id = FakeMeta.wamid();
      const raw = w.meta.whatsapp(WA_PHONE_ID, [{ kind: 'text', from: '6281200000005', id, text: 'x'.repeat(400 * 1024) }]);
      expect(raw.length).toBeGreaterThan(w.t.config.http.bodyLimitKb * 1024);
      expect((await w.meta.deliver(raw)).status).toBe(200);
      expect(await messagesOf(id)).toBe(1);
    });
  });

  describe('status callbacks', () => {
    it('keeps a status only if it advances (sent < delivered < read; failed terminal), whatever order they come in', async () => {
      const wamid = FakeMeta.wamid();
      // An outbound message as the outbound side records it once Meta accepted it.
      const [conv] = await w.sql<{ id: string }>('select id from channel_conversation where sender_handle = $1', ['6281200000002']);
      await w.sql(`insert into channel_message (id, conversation_id, platform, direction, platform_message_id, kind, text, status, status_rank, created_at)
                   values (gen_random_uuid(), $1, 'WHATSAPP', 'OUT', $2, 'TEXT', 'Terima kasih, laporan Anda kami terima', 'QUEUED', 0, now())`, [conv.id, wamid]);
      const status = async () => (await w.sql<{ status: string }>('select status from channel_message where platform_message_id = $1', [wamid]))[0].status;
      const send = (s: 'sent' | 'delivered' | 'read' | 'failed') => w.meta.deliver(w.meta.whatsapp(WA_PHONE_ID, [], { statuses: [{ id: wamid, status: s }] }));
      expect((await send('delivered')).status).toBe(200);
      expect(await status()).toBe('DELIVERED');
      await send('sent');
      expect(await status()).toBe('DELIVERED');
      await send('read');
      await send('delivered');
      await send('read');
      expect(await status()).toBe('READ');
      await send('failed');
      await send('delivered');
      expect(await status()).toBe('FAILED');
    });
  });

  describe('accounts not in the registry', () => {
    it('answers 200 (so Meta stops retrying) but stores nothing, and counts it', async () => {
      const before = await totalMessages();
      const unknownBefore = await w.metric('sigap_channel_webhook_refused_total', { platform: 'WHATSAPP', reason: 'unknown_account' });
      const res = await w.meta.deliver(w.meta.whatsapp('100000000000999', [{ kind: 'text', from: '6281200000009', text: 'Halo' }]));
      expect(res.status).toBe(200);
      expect(await totalMessages()).toBe(before);
      expect(await w.metric('sigap_channel_webhook_refused_total', { platform: 'WHATSAPP', reason: 'unknown_account' })).toBe(unknownBefore + 1);
    });

    it('refuses a deactivated account the same way, and accepts it again once reactivated', async () => {
      const account = await w.register('WHATSAPP', '109876543210777', 'WhatsApp Dinas Kesehatan');
      const off = await w.t.gql<any>('mutation D($id: ID!, $v: Int!) { deactivateOfficialAccount(id: $id, version: $v) { active version } }', { id: account.id, v: account.version }, ADMIN);
      expect(off.body.data.deactivateOfficialAccount).toEqual({ active: false, version: 2 });
      const id = FakeMeta.wamid();
      expect((await w.meta.deliver(w.meta.whatsapp('109876543210777', [{ kind: 'text', from: '6281200000010', id, text: 'Halo' }]))).status).toBe(200);
      expect(await messagesOf(id)).toBe(0);
      expect(await w.metric('sigap_channel_webhook_refused_total', { platform: 'WHATSAPP', reason: 'inactive_account' })).toBe(1);
      const stale = await w.t.gql<any>('mutation U($input: UpdateOfficialAccountInput!) { updateOfficialAccount(input: $input) { active } }', { input: { id: account.id, version: 1, active: true } }, ADMIN);
      expect(stale.body.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
      await w.t.gql('mutation U($input: UpdateOfficialAccountInput!) { updateOfficialAccount(input: $input) { active } }', { input: { id: account.id, version: 2, active: true } }, ADMIN);
      expect((await w.meta.deliver(w.meta.whatsapp('109876543210777', [{ kind: 'text', from: '6281200000010', id, text: 'Halo' }]))).status).toBe(200);
      expect(await messagesOf(id)).toBe(1);
      const events = await w.sql<{ type: string }>('select type from channel_event where account_id = $1 order by occurred_at, type', [account.id]);
      expect(events.map((e) => e.type).sort()).toEqual(['ACCOUNT_DEACTIVATED', 'ACCOUNT_REGISTERED', 'ACCOUNT_UPDATED', 'OPENED']);
    });

    it('refuses registering the same account twice, and a non-numeric id, with typed errors', async () => {
      const again = await w.t.gql<any>('mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { id } }', { input: { platform: 'WHATSAPP', accountId: WA_PHONE_ID, displayName: 'x' } }, ADMIN);
      expect(again.body.errors?.[0].extensions?.code).toBe('ACCOUNT_EXISTS');
      const bad = await w.t.gql<any>('mutation R($input: RegisterOfficialAccountInput!) { registerOfficialAccount(input: $input) { id } }', { input: { platform: 'TELEGRAM', accountId: '@bot', displayName: 'x' } }, ADMIN);
      expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('Messenger', () => {
    it('stores a Page message and ignores the echo of our own send', async () => {
      const mid = `m_${Date.now()}`;
      expect((await w.meta.deliver(w.meta.messenger(PAGE_ID, '24688000001', 'Jembatan retak', mid))).status).toBe(200);
      expect(await messagesOf(mid)).toBe(1);
      const echo = FakeMeta.serialise({ object: 'page', entry: [{ id: PAGE_ID, time: 1, messaging: [{ sender: { id: PAGE_ID }, recipient: { id: '24688000001' }, timestamp: 1, message: { mid: 'm_echo', text: 'x', is_echo: true } }] }] });
      expect((await w.meta.deliver(echo)).status).toBe(200);
      expect(await messagesOf('m_echo')).toBe(0);
    });
  });

  describe('Telegram (POST /webhooks/telegram/:botId)', () => {
    it('stores an update with the right secret token once, however often it comes', async () => {
      const update = w.telegram.text(880001, 5550001, 'Lampu jalan mati di Susut');
      for (let i = 0; i < 3; i++) expect((await w.telegram.deliver(update)).status).toBe(200);
      expect(await messagesOf(`${BOT_ID}:u880001`)).toBe(1);
      expect((await w.telegram.deliver(w.telegram.voice(880002, 5550001, 'AwACAgUAAxkBAAIB'))).status).toBe(200);
      const rows = await w.sql('select kind, attachment_ref from channel_message where platform_message_id = $1', [`${BOT_ID}:u880002`]);
      expect(rows).toEqual([{ kind: 'AUDIO', attachment_ref: 'AwACAgUAAxkBAAIB' }]);
      const [conv] = await w.sql('select language, sender_name from channel_conversation where sender_handle = $1', ['5550001']);
      expect(conv).toEqual({ language: 'id', sender_name: 'Made Warga' });
    });

    it('refuses a wrong or missing secret token and an unknown bot with 401, storing nothing', async () => {
      const update = w.telegram.text(880010, 5550002, 'palsu');
      expect((await w.telegram.deliver(update, 'wrong_secret')).status).toBe(401);
      expect((await w.telegram.deliver(update, null)).status).toBe(401);
      expect((await w.telegram.deliver(update, undefined, '999999')).status).toBe(401);
      expect(await messagesOf(`${BOT_ID}:u880010`)).toBe(0);
    });
  });
});
