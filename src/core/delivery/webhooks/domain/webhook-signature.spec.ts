import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signedHeaders, WEBHOOK_SECRET } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'ticket.dispatch', timestamp: '2026-12-02T01:00:00.000Z', data: { ticketId: 't' } });
  const id = '0b9f5c7e-4a8e-4c59-9d7c-2f4a55b1e0a1';

  it('makes 32-byte secrets in the whsec_ format, different every time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(WEBHOOK_SECRET);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('signs so that standardwebhooks verifies the headers, and a tampered body fails', () => {
    const secret = newWebhookSecret();
    const headers = signedHeaders([secret], id, new Date(), body);
    expect(headers['webhook-id']).toBe(id);
    expect(headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('"t"', '"u"'), { ...headers })).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('during a rotation both secrets verify the same attempt', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signedHeaders([current, previous], id, new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, { ...headers })).toBeTruthy();
    expect(new Webhook(previous).verify(body, { ...headers })).toBeTruthy();
  });

  it('signs whole seconds: milliseconds do not change the signature', () => {
    const secret = newWebhookSecret();
    const a = signedHeaders([secret], id, new Date('2026-12-02T01:00:00.100Z'), body);
    const b = signedHeaders([secret], id, new Date('2026-12-02T01:00:00.900Z'), body);
    expect(a).toEqual(b);
    expect(a['webhook-timestamp']).toBe(String(Date.parse('2026-12-02T01:00:00Z') / 1000));
  });
});
