import { createHmac, randomBytes } from 'node:crypto';

/** What a fake platform's delivery got back. */
export interface DeliveryAnswer {
  readonly status: number;
  readonly body: string;
  /** Milliseconds from sending to the whole answer. */
  readonly ms: number;
}

/** A WhatsApp message as the fake sends it (the recorded payload shapes of the Cloud API). */
export type FakeWhatsAppMessage =
  | { kind: 'text'; from: string; id?: string; name?: string; text: string; at?: Date }
  | { kind: 'location'; from: string; id?: string; latitude: number; longitude: number; name?: string; address?: string; at?: Date }
  | { kind: 'image' | 'audio'; from: string; id?: string; mediaId: string; mimeType: string; caption?: string; voice?: boolean; at?: Date };

export type FakeStatus = 'sent' | 'delivered' | 'read' | 'failed';

/**
 * A fake of Meta's webhook sender: builds WhatsApp Cloud API (and
 * Messenger) notifications in the shapes Meta sends (integration notes
 * §1.2-1.3: `entry[].changes[].value.{metadata, contacts, messages,
 * statuses}`), serialises them the way Meta does (non-ASCII escaped as
 * \uXXXX, so the bytes differ from a plain JSON.stringify), signs the exact
 * bytes with HMAC-SHA256 and the app secret (`X-Hub-Signature-256`), and
 * POSTs them over real HTTP.
 *
 * @example
 * const meta = new FakeMeta(baseUrl, appSecret);
 * const body = meta.whatsapp('1234567890', [{ kind: 'text', from: '6281234567890', text: 'Jalan rusak' }]);
 * await meta.deliver(body); // { status: 200, … }
 */
export class FakeMeta {
  constructor(
    private readonly baseUrl: string,
    private readonly appSecret: string,
  ) {}

  /** A `wamid` like Meta's. */
  static wamid(): string {
    return `wamid.HBgN${randomBytes(18).toString('base64url').toUpperCase()}`;
  }

  /** One notification for one phone number, with these messages (Meta batches). */
  whatsapp(phoneNumberId: string, messages: readonly FakeWhatsAppMessage[], opts: { statuses?: ReadonlyArray<{ id: string; status: FakeStatus; at?: Date; error?: { code: number; title: string } }> } = {}): Buffer {
    const contacts = [...new Map(messages.map((m) => [m.from, { profile: { name: 'name' in m && m.name ? m.name : `Warga ${m.from.slice(-4)}` }, wa_id: m.from }])).values()];
    const value: Record<string, unknown> = {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '6236612345', phone_number_id: phoneNumberId },
    };
    if (messages.length) {
      value.contacts = contacts;
      value.messages = messages.map((m) => waMessage(m));
    }
    if (opts.statuses?.length) {
      value.statuses = opts.statuses.map((s) => ({
        id: s.id, status: s.status, timestamp: unix(s.at), recipient_id: '6281234567890',
        ...(s.status !== 'failed' && { conversation: { id: 'c0ffee', origin: { type: 'service' } }, pricing: { billable: true, pricing_model: 'CBP', category: 'service' } }),
        ...(s.error && { errors: [{ code: s.error.code, title: s.error.title }] }),
      }));
    }
    return FakeMeta.serialise({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ value, field: 'messages' }] }] });
  }

  /** Several notifications' entries in one delivery (Meta batches up to 1000 updates). */
  static batch(...bodies: Buffer[]): Buffer {
    const entries = bodies.flatMap((b) => (JSON.parse(b.toString()) as { entry: unknown[] }).entry);
    return FakeMeta.serialise({ object: 'whatsapp_business_account', entry: entries });
  }

  /** A Messenger message to a Page. */
  messenger(pageId: string, psid: string, text: string, mid = `m_${randomBytes(12).toString('hex')}`, at = new Date()): Buffer {
    return FakeMeta.serialise({
      object: 'page',
      entry: [{ id: pageId, time: at.getTime(), messaging: [{ sender: { id: psid }, recipient: { id: pageId }, timestamp: at.getTime(), message: { mid, text } }] }],
    });
  }

  /** Meta's serialisation: JSON with every non-ASCII character escaped. */
  static serialise(payload: unknown): Buffer {
    return Buffer.from(JSON.stringify(payload).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  }

  signature(body: Buffer): string {
    return `sha256=${createHmac('sha256', this.appSecret).update(body).digest('hex')}`;
  }

  /** POST /webhooks/meta, signed (or with the given signature header; null: none). */
  async deliver(body: Buffer, signature: string | null = this.signature(body)): Promise<DeliveryAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/webhooks/meta`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - started };
  }

  /** Meta's verification GET. */
  async handshake(verifyToken: string, challenge: string, mode = 'subscribe'): Promise<DeliveryAnswer> {
    const started = performance.now();
    const query = new URLSearchParams({ 'hub.mode': mode, 'hub.challenge': challenge, 'hub.verify_token': verifyToken });
    const res = await fetch(`${this.baseUrl}/webhooks/meta?${query.toString()}`);
    return { status: res.status, body: await res.text(), ms: performance.now() - started };
  }
}

function unix(at: Date = new Date()): string {
  return String(Math.floor(at.getTime() / 1000));
}

function waMessage(m: FakeWhatsAppMessage): Record<string, unknown> {
  const base = { from: m.from, id: m.id ?? FakeMeta.wamid(), timestamp: unix(m.at) };
  switch (m.kind) {
    case 'text':
      return { ...base, type: 'text', text: { body: m.text } };
    case 'location':
      return { ...base, type: 'location', location: { latitude: m.latitude, longitude: m.longitude, ...(m.name && { name: m.name }), ...(m.address && { address: m.address }) } };
    default:
      return { ...base, type: m.kind, [m.kind]: { id: m.mediaId, mime_type: m.mimeType, sha256: randomBytes(32).toString('base64'), ...(m.caption && { caption: m.caption }), ...(m.voice && { voice: true }) } };
  }
}
