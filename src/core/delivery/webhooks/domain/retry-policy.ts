/** How retries are spaced. */
export interface RetrySettings {
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
}

/** A receiver's Retry-After is honoured up to this (a typo of a year must not park a delivery forever). */
export const RETRY_AFTER_CAP_MS = 24 * 60 * 60_000;

/**
 * Exponential backoff with ±20 % jitter after failed attempt `attempt`
 * (1 = the first), capped at `retryMaxMs`.
 *
 * @example
 * retryDelayMs(3, { retryBaseMs: 5000, retryMaxMs: 3_600_000 }, () => 0.5); // 20000
 */
export function retryDelayMs(attempt: number, settings: RetrySettings, random: () => number = Math.random): number {
  const base = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * The delay a Retry-After header asks for, in ms from `now`: delay-seconds
 * or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. A date
 * in the past means "now" (0).
 *
 * @example
 * parseRetryAfter('120', now);                           // 120000
 * parseRetryAfter('Wed, 02 Dec 2026 01:00:30 GMT', at01); // 30000
 */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, RETRY_AFTER_CAP_MS);
  // Only the date forms HTTP uses (IMF-fixdate and its two obsolete forms), not whatever Date.parse accepts.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), RETRY_AFTER_CAP_MS);
}

/**
 * When failed attempt `attempt` is tried again: the backoff, or later when
 * the receiver asked for more time; null when the attempts are used up
 * (dead letter).
 *
 * @example
 * nextAttemptAt(1, { maxAttempts: 10, retryBaseMs: 5000, retryMaxMs: 3_600_000 }, now, 60_000); // now + 60 s (Retry-After wins over ~5 s)
 */
export function nextAttemptAt(attempt: number, settings: RetrySettings & { maxAttempts: number }, now: Date, retryAfterMs: number | null, random: () => number = Math.random): Date | null {
  if (attempt >= settings.maxAttempts) return null;
  const delay = Math.max(retryDelayMs(attempt, settings, random), retryAfterMs ?? 0);
  return new Date(now.getTime() + delay);
}
