import fc from 'fast-check';
import { mostInAnyWindow, SlidingLogModel } from '../../../test/support/rate-limit-model';
import { decideFromLog, RateLimiter, storedRateLimitKey } from './rate-limiter';

const MINUTE = 60_000;
const S = 1000;

/** What HIT_SQL stores: the `limit + 1` newest instants of the old log and the hit. */
const nextLog = (log: readonly number[], t: number, limit: number): number[] => [...log, t].sort((a, b) => b - a).slice(0, limit + 1);

// The SQL is proven against PostgreSQL in test/integration/security/rate-limiter.int-spec.ts;
// this proves the arithmetic on the log it returns.
describe('rate limiter arithmetic', () => {
  it('allows while at most `limit` hits, this one included, lie in the last window', () => {
    const now = new Date(42 * S);
    expect(decideFromLog([42 * S], 3, MINUTE, now)).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
    expect(decideFromLog([42 * S, 41 * S, 40 * S], 3, MINUTE, now)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    // Hits exactly one window old have left it.
    expect(decideFromLog([42 * S, 41 * S, 40 * S, -18 * S], 3, MINUTE, now)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  });

  it('refuses the hit over the limit until the limit-th newest hit is one window old', () => {
    const now = new Date(42 * S);
    expect(decideFromLog([42 * S, 41 * S, 40 * S, 10 * S], 3, MINUTE, now)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 58 * S });
    // The log as stored may come in any order.
    expect(decideFromLog([10 * S, 40 * S, 42 * S, 41 * S], 3, MINUTE, now)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 58 * S });
    // A hit displaced from the log by limit + 1 later ones (out of time order) is refused.
    expect(decideFromLog([50 * S, 49 * S, 48 * S, 47 * S], 3, MINUTE, now)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 66 * S });
    expect(() => decideFromLog([], 3, MINUTE, now)).toThrow(/no log/);
    expect(() => decideFromLog([Number.NaN], 3, MINUTE, now)).toThrow(/no log/);
  });

  it('refuses 10 more hits at the next calendar minute after 10 at the end of one', () => {
    let log: number[] = [];
    const hit = (t: number) => decideFromLog((log = nextLog(log, t, 10)), 10, MINUTE, new Date(t));
    for (let i = 0; i < 10; i++) expect(hit(59 * S).allowed).toBe(true);
    expect(hit(60 * S)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 59 * S });
    expect(hit(119 * S - 1).allowed).toBe(false);
    expect(hit(119 * S)).toEqual({ allowed: true, remaining: 7, retryAfterMs: 0 });
  });

  it('decides as the full, uncut sliding log for any hit times and arrival order, so no window holds more than the limit', () => {
    const caseArb = fc.record({
      limit: fc.integer({ min: 1, max: 8 }),
      windowMs: fc.constantFrom(1000, MINUTE),
      times: fc.array(fc.oneof(fc.integer({ min: 0, max: 4 * MINUTE }), fc.integer({ min: 59 * S, max: 61 * S })), { minLength: 1, maxLength: 60 }),
      sorted: fc.boolean(),
    });
    fc.assert(
      fc.property(caseArb, ({ limit, windowMs, times: raw, sorted }) => {
        const times = sorted ? [...raw].sort((a, b) => a - b) : raw;
        const model = new SlidingLogModel(limit, windowMs);
        let log: number[] = [];
        const allowedAt: number[] = [];
        for (const t of times) {
          log = nextLog(log, t, limit);
          const decision = decideFromLog(log, limit, windowMs, new Date(t));
          expect(decision).toEqual(model.hit(t));
          if (decision.allowed) allowedAt.push(t);
          expect(log.length).toBeLessThanOrEqual(limit + 1);
        }
        expect(mostInAnyWindow(allowedAt, windowMs)).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 500 },
    );
  });

  it('stores a readable scope and a bounded hash, never the identifying part of the key', () => {
    const stored = storedRateLimitKey('login:ip:203.0.113.7', 60_000);
    expect(stored).toMatch(/^login:[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('203.0.113.7');
    expect(storedRateLimitKey(`login:user:${'x'.repeat(10_000)}`, 60_000)).toHaveLength('login:'.length + 43);
    expect(storedRateLimitKey('no scope here', 1000)).toMatch(/^key:/);
  });

  it('keeps one key under two window lengths as two logs, and the same key as one', () => {
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

describe('the reference model', () => {
  it('counts the most hits in one half-open window', () => {
    expect(mostInAnyWindow([], MINUTE)).toBe(0);
    expect(mostInAnyWindow([0, 59_999, 60_000], MINUTE)).toBe(2);
    expect(mostInAnyWindow([60_000, 0, 1, 59_999], MINUTE)).toBe(3);
  });
});
