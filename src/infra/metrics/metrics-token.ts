import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when an `Authorization` header carries `Bearer <token>`. Both sides are
 * hashed first so the comparison takes the same time whatever the length or
 * the first wrong character of a guess (timingSafeEqual alone needs equal
 * lengths, and refusing early on length would tell the token's length).
 *
 * @example
 * bearerTokenMatches('Bearer s3cret-scrape-token-1', 's3cret-scrape-token-1'); // true
 * bearerTokenMatches(undefined, 's3cret-scrape-token-1'); // false
 */
export function bearerTokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
