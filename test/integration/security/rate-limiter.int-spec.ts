import fc from 'fast-check';
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { Migration20261129120000_sliding_rate_limit } from '../../../src/infra/database/migrations/Migration20261129120000-sliding_rate_limit';
import { buildOrmOptions } from '../../../src/bootstrap/mikro-orm.options';
import { RateLimitLog } from '../../../src/infra/security/rate-limit-log.entity';
import { RateLimitDecision, RateLimiter, storedRateLimitKey } from '../../../src/infra/security/rate-limiter';
import { mostInAnyWindow, SlidingLogModel } from '../../support/rate-limit-model';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

const MINUTE = 60_000;
// On a minute boundary, so "the next calendar minute" is at(MINUTE).
const T0 = new Date('2026-11-28T02:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Offsets in the first three minutes, often within 1.5 s of a minute boundary. */
const offsetArb = fc.oneof(
  fc.integer({ min: 0, max: 3 * MINUTE }),
  fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -1500, max: 1500 })).map(([m, d]) => m * MINUTE + d),
);
const caseArb = fc.record({
  limit: fc.integer({ min: 1, max: 6 }),
  offsets: fc.array(offsetArb, { minLength: 1, maxLength: 20 }),
});

describe('RateLimiter on PostgreSQL', () => {
  let db: TestDatabase;
  // Two ORMs, two connection pools: two instances of the service.
  let ormA: MikroORM;
  let ormB: MikroORM;
  let limiterA: RateLimiter;
  let limiterB: RateLimiter;
  let keys = 0;
  const freshKey = (scope: string): string => `${scope}:ip:198.51.100.${++keys}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    ormA = await MikroORM.init(buildOrmOptions(db.url, 10));
    ormB = await MikroORM.init(buildOrmOptions(db.url, 10));
    limiterA = new RateLimiter(ormA.em);
    limiterB = new RateLimiter(ormB.em);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await ormA.close(true);
    await ormB.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  const rowOf = async (key: string, windowMs: number): Promise<{ hits: string[]; lastHitAt: string } | undefined> => {
    const rows = await ormA.em
      .getConnection()
      .execute<Array<{ hits: string[]; last_hit_at: string }>>(
        `select array(select to_char(h at time zone 'UTC', 'HH24:MI:SS.MS') from unnest(hits) h) as hits,
                to_char(last_hit_at at time zone 'UTC', 'HH24:MI:SS.MS') as last_hit_at
           from rate_limit_log where key = ?`,
        [storedRateLimitKey(key, windowMs)],
      );
    return rows[0] && { hits: rows[0].hits, lastHitAt: rows[0].last_hit_at };
  };

  describe('a sliding window: at most `limit` allowed hits in any span of `windowMs`', () => {
    it('refuses the next calendar minute’s hits after a burst at its end (10 at 02:00:59, none at 02:01:00)', async () => {
      const key = freshKey('login');
      for (let i = 0; i < 10; i++) {
        expect(await limiterA.hit(key, 10, MINUTE, at(59_000))).toEqual({ allowed: true, remaining: 9 - i, retryAfterMs: 0 });
      }
      // A fixed window allowed 10 more here: 20 in one second.
      expect(await limiterB.hit(key, 10, MINUTE, at(MINUTE))).toEqual({ allowed: false, remaining: 0, retryAfterMs: 59_000 });
      expect(await limiterA.hit(key, 10, MINUTE, at(MINUTE + 30_000))).toEqual({ allowed: false, remaining: 0, retryAfterMs: 29_000 });
      expect(await limiterB.hit(key, 10, MINUTE, at(MINUTE + 58_999))).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
      // 60 s after the burst it has left the window; the 3 refused hits since still count.
      expect(await limiterA.hit(key, 10, MINUTE, at(MINUTE + 59_000))).toEqual({ allowed: true, remaining: 6, retryAfterMs: 0 });
    });

    /** Hits `key` at each offset in turn, alternating between the two instances. */
    const hitInTurn = async (key: string, limit: number, times: readonly number[]): Promise<RateLimitDecision[]> => {
      const decisions: RateLimitDecision[] = [];
      for (const [i, t] of times.entries()) decisions.push(await (i % 2 === 0 ? limiterA : limiterB).hit(key, limit, MINUTE, at(t)));
      return decisions;
    };

    it('never allows more than the limit in any 60 s, for random hit times arriving in or out of time order', async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, fc.boolean(), async ({ limit, offsets }, inOrder) => {
          // Out of order: instances whose clocks disagree, or requests overtaking each other.
          const times = inOrder ? [...offsets].sort((a, b) => a - b) : offsets;
          const decisions = await hitInTurn(freshKey('bound'), limit, times);
          expect(mostInAnyWindow(times.filter((_, i) => decisions[i].allowed), MINUTE)).toBeLessThanOrEqual(limit);
        }),
        { numRuns: 150 },
      );
    }, 60_000);

    it('decides exactly as the reference sliding log (allowed, remaining, retryAfterMs), in or out of time order', async () => {
      await fc.assert(
        fc.asyncProperty(caseArb, fc.boolean(), async ({ limit, offsets }, inOrder) => {
          const times = inOrder ? [...offsets].sort((a, b) => a - b) : offsets;
          const model = new SlidingLogModel(limit, MINUTE);
          expect(await hitInTurn(freshKey('model'), limit, times)).toEqual(times.map((t) => model.hit(t)));
        }),
        { numRuns: 150 },
      );
    }, 60_000);
  });

  it('allows up to the limit, then refuses with the time until the oldest counted hit leaves the window', async () => {
    const decisions: RateLimitDecision[] = [];
    const key = freshKey('login');
    for (let i = 0; i < 5; i++) decisions.push(await limiterA.hit(key, 3, MINUTE, at(42_000 + i)));
    expect(decisions).toEqual([
      { allowed: true, remaining: 2, retryAfterMs: 0 },
      { allowed: true, remaining: 1, retryAfterMs: 0 },
      { allowed: true, remaining: 0, retryAfterMs: 0 },
      // The 3rd newest hit is then the one at +1 ms (this refused one counts): 59_998 ms.
      { allowed: false, remaining: 0, retryAfterMs: MINUTE - 2 },
      { allowed: false, remaining: 0, retryAfterMs: MINUTE - 2 },
    ]);
    // Another key, another instance: its own count.
    expect(await limiterB.hit(freshKey('login'), 3, MINUTE, at(42_000))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('keeps a client that hammers refused, and lets it in once it waits out the retry time', async () => {
    const key = freshKey('login');
    for (let i = 0; i < 2; i++) await limiterA.hit(key, 2, MINUTE, at(0));
    // One refused hit a second for two minutes: each keeps the window full.
    for (let s = 1; s <= 120; s++) expect((await limiterA.hit(key, 2, MINUTE, at(s * 1000))).allowed).toBe(false);
    const refused = await limiterB.hit(key, 2, MINUTE, at(120_500));
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: MINUTE - 500 });
    expect((await limiterB.hit(key, 2, MINUTE, at(120_500 + refused.retryAfterMs))).allowed).toBe(true);
  });

  it('stores at most limit + 1 hits per key, newest first, under the hashed key only', async () => {
    const key = 'login:ip:203.0.113.7';
    for (let i = 0; i < 50; i++) await limiterA.hit(key, 3, MINUTE, at(i * 10_000));
    const row = await rowOf(key, MINUTE);
    expect(row).toEqual({ hits: ['02:08:10.000', '02:08:00.000', '02:07:50.000', '02:07:40.000'], lastHitAt: '02:08:10.000' });
    const keys = await ormA.em.getConnection().execute<Array<{ key: string }>>(`select key from rate_limit_log where key like 'login:%'`);
    expect(keys.every((k) => !k.key.includes('203.0.113.7') && /^login:[A-Za-z0-9_-]{43}$/.test(k.key))).toBe(true);
  });

  it('keeps the same key under another window length as a separate log', async () => {
    const key = freshKey('public');
    expect((await limiterA.hit(key, 1, MINUTE, at(0))).allowed).toBe(true);
    expect((await limiterA.hit(key, 1, MINUTE, at(1))).allowed).toBe(false);
    expect((await limiterA.hit(key, 1, 60 * MINUTE, at(2))).allowed).toBe(true);
  });

  it('allows exactly the limit when two instances hit one key concurrently (200 hits, limit 50)', async () => {
    const key = freshKey('login');
    const now = at(5 * MINUTE + 123);
    const hits = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? limiterA : limiterB).hit(key, 50, MINUTE, now));
    const decisions = await Promise.all(hits);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
    expect(decisions.filter((d) => d.allowed).map((d) => d.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterMs === MINUTE)).toBe(true);
    expect((await rowOf(key, MINUTE))?.hits).toHaveLength(51);
  });

  it('keeps the bound for concurrent hits spread over two minutes, arriving in any order (240 hits, limit 20)', async () => {
    const key = freshKey('login');
    // A permutation of 240 instants 500 ms apart: hits race in no time order.
    const times = Array.from({ length: 240 }, (_, i) => ((i * 97) % 240) * 500);
    const decisions = await Promise.all(times.map((t, i) => (i % 2 === 0 ? limiterA : limiterB).hit(key, 20, MINUTE, at(t))));
    const allowedAt = times.filter((_, i) => decisions[i].allowed);
    expect(mostInAnyWindow(allowedAt, MINUTE)).toBeLessThanOrEqual(20);
    expect(allowedAt.length).toBeGreaterThanOrEqual(20);
    // Whatever the order, the log holds the 21 newest instants.
    const newest = [...times].sort((a, b) => b - a).slice(0, 21).map((t) => at(t).toISOString().slice(11, 23));
    expect((await rowOf(key, MINUTE))?.hits).toEqual(newest);
  });

  it('counts a hit even when the caller’s transaction rolls back (a failed login still counts)', async () => {
    const key = freshKey('login');
    await expect(
      ormA.em.transactional(async () => {
        await limiterA.hit(key, 1, MINUTE, at(0));
        throw new Error('wrong password');
      }),
    ).rejects.toThrow('wrong password');
    expect((await limiterB.hit(key, 1, MINUTE, at(1))).allowed).toBe(false);
  });

  it('prunes keys whose newest hit is older than the horizon and keeps the rest', async () => {
    const day = 24 * 60 * MINUTE;
    await limiterA.hit('prune:quiet', 5, MINUTE, at(-2 * day));
    await limiterA.hit('prune:recent', 5, MINUTE, at(-2 * day));
    await limiterA.hit('prune:recent', 5, MINUTE, at(-day + MINUTE));
    const deleted = await limiterB.prune(at(0), day);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await rowOf('prune:quiet', MINUTE)).toBeUndefined();
    expect((await rowOf('prune:recent', MINUTE))?.hits).toHaveLength(2);
  });
});

// schema-drift.int-spec.ts covers this with every entity and migration; this
// checks the pair on its own, on a database that never had the old table.
describe('RateLimitLog entity and its migration', () => {
  it('describe the same table', async () => {
    const db = await createTestDatabase({ empty: true });
    const orm = await MikroORM.init(defineConfig({ clientUrl: db.url, entities: [RateLimitLog], allowGlobalContext: false }));
    try {
      const migration = new Migration20261129120000_sliding_rate_limit(orm.em.getDriver(), orm.config);
      await migration.up();
      for (const query of migration.getQueries()) await orm.em.getConnection().execute(query, [], 'run');
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
