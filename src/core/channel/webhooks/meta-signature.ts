import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-f]{64})$/;

/**
 * Meta's `X-Hub-Signature-256`: `sha256=<hex HMAC-SHA256 of the raw body
 * bytes, keyed with the App Secret>`. Verified over the bytes exactly as
 * received (Meta signs its escaped-unicode form; a body re-serialised from
 * parsed JSON does not match), compared in constant time. A missing or
 * malformed header is refused, never skipped.
 *
 * @example
 * verifyMetaSignature(rawBody, req.headers['x-hub-signature-256'], appSecret); // true | false
 */
export function verifyMetaSignature(rawBody: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  if (typeof header !== 'string') return false;
  const match = HEADER.exec(header.trim().toLowerCase());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(match[1], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What Meta sends: for fakes and tests of the real format. */
export function metaSignature(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/** Constant-time comparison of two secrets of possibly different length (Telegram's token, Meta's verify token). */
export function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHmac('sha256', 'sigap-compare').update(given).digest();
  const b = createHmac('sha256', 'sigap-compare').update(expected).digest();
  return timingSafeEqual(a, b);
}
