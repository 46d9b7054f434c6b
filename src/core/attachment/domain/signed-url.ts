import { createHmac, timingSafeEqual } from 'node:crypto';

/** A download link: path and query, relative to the API's base URL. */
export interface SignedUrl {
  readonly url: string;
  readonly expiresAt: Date;
}

function signature(key: Buffer, id: string, exp: number): Buffer {
  return createHmac('sha256', key).update(`attachment-download-v1\n${id}\n${exp}`).digest();
}

/**
 * A short-lived download link for one attachment: HMAC-SHA256 over the id and
 * the expiry (whole seconds) with the server's key. Whoever holds the link may
 * download until it expires, so links are only handed to those who may read
 * the ticket (or, while unbound, to the uploader).
 *
 * @example
 * signDownload(key, id, new Date(), 300_000).url; // '/attachments/<id>?exp=1796104800&sig=…'
 */
export function signDownload(key: Buffer, id: string, now: Date, ttlMs: number): SignedUrl {
  const exp = Math.floor((now.getTime() + ttlMs) / 1000);
  const sig = signature(key, id, exp).toString('base64url');
  return { url: `/attachments/${id}?exp=${exp}&sig=${sig}`, expiresAt: new Date(exp * 1000) };
}

/**
 * Checks a link: 'INVALID' when the id, expiry or signature were altered,
 * 'EXPIRED' when it was genuine but is past its time. The signature is
 * checked first, so an attacker cannot learn anything from the expiry.
 *
 * @example
 * verifyDownload(key, id, req.query.exp, req.query.sig, clock.now()); // 'OK'
 */
export function verifyDownload(key: Buffer, id: string, exp: unknown, sig: unknown, now: Date): 'OK' | 'INVALID' | 'EXPIRED' {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return 'INVALID';
  const expected = signature(key, id, Number(exp));
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'INVALID';
  return Number(exp) * 1000 <= now.getTime() ? 'EXPIRED' : 'OK';
}
