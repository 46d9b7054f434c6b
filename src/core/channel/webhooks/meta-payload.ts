import { ChannelPlatform, MessageKind, MessageStatus } from '../domain/channel.enums';
import type { InboundMessage, ParsedDelivery, StatusCallback } from '../domain/inbound';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

const WA_STATUS: Record<string, MessageStatus> = { sent: MessageStatus.SENT, delivered: MessageStatus.DELIVERED, read: MessageStatus.READ, failed: MessageStatus.FAILED };
const WA_MEDIA: Record<string, MessageKind> = { image: MessageKind.IMAGE, audio: MessageKind.AUDIO, video: MessageKind.VIDEO, document: MessageKind.DOCUMENT, sticker: MessageKind.STICKER };
const FB_MEDIA: Record<string, MessageKind> = { image: MessageKind.IMAGE, audio: MessageKind.AUDIO, video: MessageKind.VIDEO, file: MessageKind.DOCUMENT };

interface Parsing {
  messages: InboundMessage[];
  statuses: StatusCallback[];
  ignored: number;
  malformed: number;
}

/** Thrown for a body that is not a Meta notification at all. */
export class MalformedPayload extends Error {}

/**
 * Reads one Meta webhook delivery (WhatsApp Cloud API, Messenger or
 * Instagram) into messages and status callbacks, walking every
 * `entry[] × changes[]/messaging[] × messages[]/statuses[]` (Meta batches).
 * Items missing what is needed to store them are counted in `malformed`;
 * echoes of our own sends and receipts are `ignored`.
 */
export function parseMetaDelivery(body: unknown): ParsedDelivery & { malformed: number } {
  if (!isObject(body) || typeof body.object !== 'string' || !Array.isArray(body.entry)) throw new MalformedPayload('not a Meta webhook notification (object, entry[])');
  const out: Parsing = { messages: [], statuses: [], ignored: 0, malformed: 0 };
  for (const entry of body.entry) {
    if (!isObject(entry)) {
      out.malformed++;
      continue;
    }
    if (body.object === 'whatsapp_business_account') whatsappEntry(entry, out);
    else if (body.object === 'page') messagingEntry(entry, ChannelPlatform.MESSENGER, out);
    else if (body.object === 'instagram') messagingEntry(entry, ChannelPlatform.INSTAGRAM, out);
    else out.ignored++;
  }
  return out;
}

function whatsappEntry(entry: Json, out: Parsing): void {
  for (const change of list(entry.changes)) {
    if (!isObject(change) || change.field !== 'messages' || !isObject(change.value)) {
      out.ignored++;
      continue;
    }
    const value = change.value;
    const accountId = isObject(value.metadata) ? str(value.metadata.phone_number_id) : null;
    if (!accountId) {
      out.malformed += list(value.messages).length + list(value.statuses).length || 1;
      continue;
    }
    const names = new Map<string, string>();
    for (const c of list(value.contacts)) {
      if (isObject(c) && str(c.wa_id) && isObject(c.profile) && str(c.profile.name)) names.set(str(c.wa_id)!, str(c.profile.name)!);
    }
    for (const m of list(value.messages)) {
      const parsed = isObject(m) ? whatsappMessage(m, accountId, names) : null;
      if (parsed) out.messages.push(parsed);
      else out.malformed++;
    }
    for (const s of list(value.statuses)) {
      const status = isObject(s) ? WA_STATUS[String(s.status)] : undefined;
      const id = isObject(s) ? str(s.id) : null;
      const at = isObject(s) ? num(s.timestamp) : null;
      if (!status || !id || at === null) {
        out.malformed++;
        continue;
      }
      const error = list((s as Json).errors)[0];
      const detail = isObject(error) ? [str(error.code), str(error.title) ?? str(error.message)].filter(Boolean).join(' ') || null : null;
      out.statuses.push({ platform: ChannelPlatform.WHATSAPP, accountId, platformMessageId: id, status, at: new Date(at * 1000), detail });
    }
  }
}

function whatsappMessage(m: Json, accountId: string, names: Map<string, string>): InboundMessage | null {
  const from = str(m.from);
  const id = str(m.id);
  const ts = num(m.timestamp);
  const type = str(m.type);
  if (!from || !id || ts === null || !type) return null;
  const base = {
    platform: ChannelPlatform.WHATSAPP, accountId, senderHandle: from, senderName: names.get(from) ?? null, language: null,
    platformMessageId: id, sentAt: new Date(ts * 1000), text: null, location: null, attachmentRef: null, attachmentMimeType: null,
  };
  const body = m[type];
  if (type === 'text') return isObject(body) && typeof body.body === 'string' ? { ...base, kind: MessageKind.TEXT, text: body.body } : null;
  if (type === 'location') {
    if (!isObject(body)) return null;
    const latitude = num(body.latitude);
    const longitude = num(body.longitude);
    if (latitude === null || longitude === null) return null;
    return { ...base, kind: MessageKind.LOCATION, location: { latitude, longitude, name: str(body.name), address: str(body.address) } };
  }
  if (type in WA_MEDIA) {
    if (!isObject(body) || !str(body.id)) return null;
    // A voice note is type audio with voice: true; the media id is fetched later with the access token.
    return { ...base, kind: WA_MEDIA[type], text: str(body.caption), attachmentRef: str(body.id), attachmentMimeType: str(body.mime_type) };
  }
  if (type === 'contacts') return { ...base, kind: MessageKind.CONTACTS, text: JSON.stringify(body ?? null).slice(0, 4000) };
  // Buttons, interactive replies, reactions, unsupported: kept so the call taker sees something came in.
  const text = isObject(body) ? str(body.text) ?? str(body.emoji) ?? (isObject(body.button_reply) ? str(body.button_reply.title) : null) : null;
  return { ...base, kind: MessageKind.OTHER, text: text ?? `[${type}]` };
}

function messagingEntry(entry: Json, platform: ChannelPlatform, out: Parsing): void {
  const entryId = str(entry.id);
  for (const ev of list(entry.messaging)) {
    if (!isObject(ev)) {
      out.malformed++;
      continue;
    }
    const message = ev.message;
    // Delivery and read receipts (watermarks), postbacks, reactions: not acted on here.
    if (!isObject(message)) {
      out.ignored++;
      continue;
    }
    if (message.is_echo === true) {
      out.ignored++;
      continue;
    }
    const sender = isObject(ev.sender) ? str(ev.sender.id) : null;
    const accountId = (isObject(ev.recipient) ? str(ev.recipient.id) : null) ?? entryId;
    const mid = str(message.mid);
    const ts = num(ev.timestamp);
    if (!sender || !accountId || !mid || ts === null) {
      out.malformed++;
      continue;
    }
    const base = {
      platform, accountId, senderHandle: sender, senderName: null, language: null, platformMessageId: mid, sentAt: new Date(ts),
      text: typeof message.text === 'string' ? message.text : null, location: null, attachmentRef: null, attachmentMimeType: null,
    };
    const attachment = list(message.attachments).find(isObject);
    if (!attachment) {
      out.messages.push({ ...base, kind: base.text === null ? MessageKind.OTHER : MessageKind.TEXT });
      continue;
    }
    const payload = isObject(attachment.payload) ? attachment.payload : {};
    const coords = isObject(payload.coordinates) ? payload.coordinates : null;
    if (attachment.type === 'location' && coords && num(coords.lat) !== null && num(coords.long) !== null) {
      out.messages.push({ ...base, kind: MessageKind.LOCATION, location: { latitude: num(coords.lat)!, longitude: num(coords.long)!, name: str(attachment.title), address: null } });
      continue;
    }
    const kind = FB_MEDIA[String(attachment.type)] ?? MessageKind.OTHER;
    // Messenger sends a CDN URL (it expires); it is the reference kept.
    out.messages.push({ ...base, kind, attachmentRef: str(payload.url) ?? str(payload.attachment_id) });
  }
}
