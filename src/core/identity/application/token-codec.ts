import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What an access token says: the session it belongs to, and when it ends. */
export interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
}

/**
 * Compact signed tokens: base64url(JSON claims) '.' base64url(HMAC-SHA256).
 * Deliberately not a general JWT: one algorithm, no header to negotiate, so
 * "alg: none" and key-confusion tricks have nothing to work with.
 *
 * @example
 * const token = codec.sign({ sub, sid, iat, exp });
 * codec.verify(token); // the claims, or null when forged or malformed
 */
export class TokenCodec {
  constructor(private readonly key: Buffer) {}

  sign(claims: AccessClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The claims if the signature holds; expiry is the caller's check (it owns the clock). */
  verify(token: string): AccessClaims | null {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined || token.length > 2048) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessClaims;
      const valid = typeof claims.sub === 'string' && typeof claims.sid === 'string' && Number.isFinite(claims.exp) && Number.isFinite(claims.iat);
      return valid ? claims : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** A high-entropy secret for refresh tokens, API keys and the setup secret. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Random secrets need no slow hash: sha256 is enough to keep them out of a database dump. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
