import { decide, fixedWindowStart, RateLimiter, storedRateLimitKey } from './rate-limiter';

// The SQL is proven against PostgreSQL in test/integration/security/rate-limiter.int-spec.ts.
describe('rate limiter arithmetic', () => {
  it('aligns windows to the epoch, so every instance computes the same one', () => {
    expect(fixedWindowStart(new Date('2026-11-28T02:00:42.123Z'), 60_000).toISOString()).toBe('2026-11-28T02:00:00.000Z');
    expect(fixedWindowStart(new Date('2026-11-28T02:00:00.000Z'), 60_000).toISOString()).toBe('2026-11-28T02:00:00.000Z');
    expect(fixedWindowStart(new Date('2026-11-28T02:59:59.999Z'), 3_600_000).toISOString()).toBe('2026-11-28T02:00:00.000Z');
  });

  it('allows up to the limit, then refuses until the window ends', () => {
    const start = new Date('2026-11-28T02:00:00Z');
    const now = new Date('2026-11-28T02:00:42Z');
    expect(decide(1, 3, start, 60_000, now)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(decide(3, 3, start, 60_000, now)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    expect(decide(4, 3, start, 60_000, now)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 18_000 });
    expect(() => decide(Number.NaN, 3, start, 60_000, now)).toThrow(/no count/);
  });

  it('stores a readable scope and a bounded hash, never the identifying part of the key', () => {
    const stored = storedRateLimitKey('login:ip:203.0.113.7', 60_000);
    expect(stored).toMatch(/^login:[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('203.0.113.7');
    expect(storedRateLimitKey(`login:user:${'x'.repeat(10_000)}`, 60_000)).toHaveLength('login:'.length + 43);
    expect(storedRateLimitKey('no scope here', 1000)).toMatch(/^key:/);
  });

  it('keeps one key under two window lengths as two counters, and the same key as one', () => {
    expect(storedRateLimitKey('login:ip:1', 60_000)).toBe(storedRateLimitKey('login:ip:1', 60_000));
    expect(storedRateLimitKey('login:ip:1', 60_000)).not.toBe(storedRateLimitKey('login:ip:1', 3_600_000));
    expect(storedRateLimitKey('login:ip:1', 60_000)).not.toBe(storedRateLimitKey('login:ip:2', 60_000));
  });

  it('refuses nonsense before touching the database', async () => {
    const limiter = new RateLimiter({} as never);
    const now = new Date('2026-11-28T02:00:00Z');
    await expect(limiter.hit('', 5, 60_000, now)).rejects.toThrow(RangeError);
    await expect(limiter.hit('k', 0, 60_000, now)).rejects.toThrow(/limit/);
    await expect(limiter.hit('k', 5, 1.5, now)).rejects.toThrow(/windowMs/);
    await expect(limiter.hit('k', 5, 60_000, new Date('nope'))).rejects.toThrow(/valid Date/);
    await expect(limiter.prune(now, -1)).rejects.toThrow(/horizonMs/);
  });
});
