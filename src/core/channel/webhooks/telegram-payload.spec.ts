import { MessageKind } from '../domain/channel.enums';
import { parseTelegramUpdate } from './telegram-payload';

const message = (extra: Record<string, unknown>) => ({
  update_id: 42,
  message: { message_id: 7, from: { id: 99, first_name: 'Made', language_code: 'en' }, chat: { id: 99, type: 'private' }, date: 1764720000, ...extra },
});

describe('parseTelegramUpdate', () => {
  it('keys a message by bot and update id, with the sender\'s chat, name and language', () => {
    const u = parseTelegramUpdate(message({ text: 'hi' }), '123');
    expect(u).toEqual({ kind: 'message', message: expect.objectContaining({ platformMessageId: '123:u42', senderHandle: '99', senderName: 'Made', language: 'en', kind: MessageKind.TEXT, text: 'hi' }) });
  });

  it('keeps the largest photo, voice notes and locations', () => {
    const photo = parseTelegramUpdate(message({ photo: [{ file_id: 'small' }, { file_id: 'large' }], caption: 'lihat' }), '1');
    expect(photo).toMatchObject({ message: { kind: MessageKind.IMAGE, attachmentRef: 'large', text: 'lihat' } });
    expect(parseTelegramUpdate(message({ voice: { file_id: 'v1', mime_type: 'audio/ogg' } }), '1')).toMatchObject({ message: { kind: MessageKind.AUDIO, attachmentRef: 'v1' } });
    expect(parseTelegramUpdate(message({ location: { latitude: -8.4, longitude: 115.3 } }), '1')).toMatchObject({ message: { kind: MessageKind.LOCATION, location: { latitude: -8.4, longitude: 115.3 } } });
  });

  it('ignores updates without a message and marks unreadable ones', () => {
    expect(parseTelegramUpdate({ update_id: 1, edited_message: {} }, '1')).toEqual({ kind: 'ignored' });
    expect(parseTelegramUpdate({ message: {} }, '1')).toEqual({ kind: 'malformed' });
    expect(parseTelegramUpdate({ update_id: 1, message: { text: 'no chat' } }, '1')).toEqual({ kind: 'malformed' });
  });
});
