import { metaSignature, sameSecret, verifyMetaSignature } from './meta-signature';

describe('Meta webhook signature', () => {
  const secret = 'app-secret-for-tests';
  // Meta signs the escaped-unicode bytes it sends; JSON.stringify of the parsed body gives other bytes.
  const raw = Buffer.from('{"object":"whatsapp_business_account","text":"Jalan rusak di Kintamani \\u00e4 @dinas"}');

  it('accepts the HMAC of the raw bytes', () => {
    expect(verifyMetaSignature(raw, metaSignature(raw, secret), secret)).toBe(true);
    expect(verifyMetaSignature(raw, metaSignature(raw, secret).toUpperCase().replace('SHA256', 'sha256'), secret)).toBe(true);
  });

  it('refuses a body re-serialised from JSON, another secret, a missing or malformed header', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(reserialised.equals(raw)).toBe(false);
    expect(verifyMetaSignature(reserialised, metaSignature(raw, secret), secret)).toBe(false);
    expect(verifyMetaSignature(raw, metaSignature(raw, 'another-secret'), secret)).toBe(false);
    expect(verifyMetaSignature(raw, undefined, secret)).toBe(false);
    expect(verifyMetaSignature(raw, ['a', 'b'], secret)).toBe(false);
    expect(verifyMetaSignature(raw, 'sha256=abc', secret)).toBe(false);
    expect(verifyMetaSignature(raw, metaSignature(raw, secret).replace('sha256=', 'sha1='), secret)).toBe(false);
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
  });
});
