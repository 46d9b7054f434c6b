import { ChannelPlatform, MessageKind, MessageStatus } from '../domain/channel.enums';
import { MalformedPayload, parseMetaDelivery } from './meta-payload';

// Payload shapes as Meta documents and sends them (integration notes §1.2-1.3).
const wa = (value: Record<string, unknown>) => ({ object: 'whatsapp_business_account', entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '62366', phone_number_id: '111' }, ...value } }] }] });

describe('parseMetaDelivery', () => {
  it('reads WhatsApp text, location, image and voice messages with the contact name', () => {
    const parsed = parseMetaDelivery(wa({
      contacts: [{ profile: { name: 'Ketut' }, wa_id: '6281' }],
      messages: [
        { from: '6281', id: 'wamid.1', timestamp: '1764720000', type: 'text', text: { body: 'halo' } },
        { from: '6281', id: 'wamid.2', timestamp: '1764720001', type: 'location', location: { latitude: -8.45, longitude: 115.35, name: 'Pura' } },
        { from: '6281', id: 'wamid.3', timestamp: '1764720002', type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg', caption: 'foto' } },
        { from: '6281', id: 'wamid.4', timestamp: '1764720003', type: 'audio', audio: { id: 'media-2', mime_type: 'audio/ogg', voice: true } },
        { from: '6281', id: 'wamid.5', timestamp: '1764720004', type: 'reaction', reaction: { emoji: '👍', message_id: 'wamid.x' } },
      ],
    }));
    expect(parsed.malformed).toBe(0);
    expect(parsed.messages.map((m) => [m.platformMessageId, m.kind, m.text, m.attachmentRef, m.senderName])).toEqual([
      ['wamid.1', MessageKind.TEXT, 'halo', null, 'Ketut'],
      ['wamid.2', MessageKind.LOCATION, null, null, 'Ketut'],
      ['wamid.3', MessageKind.IMAGE, 'foto', 'media-1', 'Ketut'],
      ['wamid.4', MessageKind.AUDIO, null, 'media-2', 'Ketut'],
      ['wamid.5', MessageKind.OTHER, '👍', null, 'Ketut'],
    ]);
    expect(parsed.messages[1].location).toEqual({ latitude: -8.45, longitude: 115.35, name: 'Pura', address: null });
    expect(parsed.messages[0]).toMatchObject({ platform: ChannelPlatform.WHATSAPP, accountId: '111', senderHandle: '6281', sentAt: new Date(1764720000_000) });
  });

  it('reads statuses with their error, and counts items it cannot store as malformed', () => {
    const parsed = parseMetaDelivery(wa({
      statuses: [
        { id: 'wamid.9', status: 'failed', timestamp: '1764720000', recipient_id: '6281', errors: [{ code: 131047, title: 'Re-engagement message' }] },
        { id: 'wamid.9', status: 'teleported', timestamp: '1764720000' },
      ],
      messages: [{ from: '6281', type: 'text', text: { body: 'no id' } }],
    }));
    expect(parsed.statuses).toEqual([{ platform: ChannelPlatform.WHATSAPP, accountId: '111', platformMessageId: 'wamid.9', status: MessageStatus.FAILED, at: new Date(1764720000_000), detail: '131047 Re-engagement message' }]);
    expect(parsed.malformed).toBe(2);
  });

  it('reads Messenger and Instagram messages, ignoring echoes and receipts', () => {
    const parsed = parseMetaDelivery({ object: 'instagram', entry: [{ id: 'IG1', messaging: [
      { sender: { id: 'igsid' }, recipient: { id: 'IG1' }, timestamp: 1764720000000, message: { mid: 'm1', text: 'halo' } },
      { sender: { id: 'IG1' }, recipient: { id: 'igsid' }, timestamp: 1764720000001, message: { mid: 'm2', text: 'echo', is_echo: true } },
      { sender: { id: 'igsid' }, recipient: { id: 'IG1' }, timestamp: 1764720000002, read: { watermark: 1 } },
    ] }] });
    expect(parsed.messages.map((m) => [m.platform, m.accountId, m.senderHandle, m.platformMessageId, m.text])).toEqual([[ChannelPlatform.INSTAGRAM, 'IG1', 'igsid', 'm1', 'halo']]);
    expect(parsed.ignored).toBe(2);
  });

  it('refuses what is not a Meta notification', () => {
    expect(() => parseMetaDelivery({ hello: 'world' })).toThrow(MalformedPayload);
    expect(() => parseMetaDelivery([])).toThrow(MalformedPayload);
  });
});
