import { nextAttemptAt, parseRetryAfter, RETRY_AFTER_CAP_MS, retryDelayMs } from './retry-policy';

const NOW = new Date('2026-12-02T01:00:00Z');
const SETTINGS = { retryBaseMs: 5_000, retryMaxMs: 3_600_000, maxAttempts: 5 };

describe('webhook retry policy', () => {
  it('backs off exponentially with ±20 % jitter, capped', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, SETTINGS, () => 0.5))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(1, SETTINGS, () => 0)).toBe(4_000);
    expect(retryDelayMs(1, SETTINGS, () => 1)).toBe(6_000);
    expect(retryDelayMs(30, SETTINGS, () => 0.5)).toBe(3_600_000);
    expect(retryDelayMs(1000, SETTINGS, () => 0.5)).toBe(3_600_000);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(['7', '9'], NOW)).toBe(7_000);
    expect(parseRetryAfter('Wed, 02 Dec 2026 01:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wednesday, 02-Dec-26 01:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 01:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('99999999', NOW)).toBe(RETRY_AFTER_CAP_MS);
  });

  it('ignores what is not a Retry-After value', () => {
    for (const value of [undefined, '', '-5', '1.5', 'soon', '2026-12-02T01:00:30Z', 'Wed, 99 Foo 2026']) expect(parseRetryAfter(value, NOW)).toBeNull();
  });

  it('waits the longer of the backoff and Retry-After, and gives up after the last attempt', () => {
    expect(nextAttemptAt(1, SETTINGS, NOW, null, () => 0.5)).toEqual(new Date(NOW.getTime() + 5_000));
    expect(nextAttemptAt(1, SETTINGS, NOW, 60_000, () => 0.5)).toEqual(new Date(NOW.getTime() + 60_000));
    expect(nextAttemptAt(3, SETTINGS, NOW, 1_000, () => 0.5)).toEqual(new Date(NOW.getTime() + 20_000));
    expect(nextAttemptAt(4, SETTINGS, NOW, null)).not.toBeNull();
    expect(nextAttemptAt(5, SETTINGS, NOW, null)).toBeNull();
  });
});
