import { ChannelPlatform, MessageKind } from '../domain/channel.enums';
import type { InboundMessage } from '../domain/inbound';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);

/** What one Telegram update carried: a message to store, nothing to act on, or something unreadable. */
export type TelegramUpdate = { kind: 'message'; message: InboundMessage } | { kind: 'ignored' } | { kind: 'malformed' };

/**
 * Reads one Telegram update (one per webhook request). The dedupe key is
 * `<botId>:u<update_id>`: update ids are unique per bot, and Telegram may
 * send an update again until it gets a 2XX. Edited messages, channel posts
 * and callbacks are ignored; group chats are kept under the chat's id.
 */
export function parseTelegramUpdate(body: unknown, botId: string): TelegramUpdate {
  if (!isObject(body) || typeof body.update_id !== 'number') return { kind: 'malformed' };
  const m = body.message;
  if (!isObject(m)) return { kind: 'ignored' };
  const chat = isObject(m.chat) ? str(m.chat.id) : null;
  const date = typeof m.date === 'number' ? m.date : null;
  if (!chat || date === null) return { kind: 'malformed' };
  const from = isObject(m.from) ? m.from : {};
  const name = [str(from.first_name), str(from.last_name)].filter(Boolean).join(' ') || str(from.username);
  const base = {
    platform: ChannelPlatform.TELEGRAM, accountId: botId, senderHandle: chat, senderName: name, language: str(from.language_code),
    platformMessageId: `${botId}:u${body.update_id}`, sentAt: new Date(date * 1000),
    text: str(m.text) ?? str(m.caption), location: null, attachmentRef: null, attachmentMimeType: null,
  };
  const venue = isObject(m.venue) ? m.venue : null;
  const loc = isObject(m.location) ? m.location : venue && isObject(venue.location) ? venue.location : null;
  if (loc && typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
    return { kind: 'message', message: { ...base, kind: MessageKind.LOCATION, location: { latitude: loc.latitude, longitude: loc.longitude, name: venue ? str(venue.title) : null, address: venue ? str(venue.address) : null } } };
  }
  if (Array.isArray(m.photo) && m.photo.length > 0) {
    // Sizes come smallest first; keep the largest.
    const largest: unknown = m.photo[m.photo.length - 1];
    return { kind: 'message', message: { ...base, kind: MessageKind.IMAGE, attachmentRef: isObject(largest) ? str(largest.file_id) : null, attachmentMimeType: 'image/jpeg' } };
  }
  for (const [field, kind] of [['voice', MessageKind.AUDIO], ['audio', MessageKind.AUDIO], ['video', MessageKind.VIDEO], ['document', MessageKind.DOCUMENT], ['sticker', MessageKind.STICKER]] as const) {
    const media = m[field];
    if (isObject(media)) return { kind: 'message', message: { ...base, kind, attachmentRef: str(media.file_id), attachmentMimeType: str(media.mime_type) } };
  }
  if (isObject(m.contact)) return { kind: 'message', message: { ...base, kind: MessageKind.CONTACTS, text: [str(m.contact.first_name), str(m.contact.phone_number)].filter(Boolean).join(' ') } };
  if (base.text !== null) return { kind: 'message', message: { ...base, kind: MessageKind.TEXT } };
  return { kind: 'message', message: { ...base, kind: MessageKind.OTHER, text: '[unsupported message]' } };
}
