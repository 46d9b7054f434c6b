import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { Migration20261128230000_rate_limit } from '../../../src/infra/database/migrations/Migration20261128230000-rate_limit';
import { buildOrmOptions } from '../../../src/infra/database/mikro-orm.options';
import { RateLimitBucket } from '../../../src/infra/security/rate-limit-bucket.entity';
import { RateLimiter, storedRateLimitKey } from '../../../src/infra/security/rate-limiter';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

const MINUTE = 60_000;
const T0 = new Date('2026-11-28T02:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/**
 * Runs the rate-limit migration's own SQL when the table is missing: the
 * template database has it once the migration is listed in migrations/index.ts.
 */
async function ensureRateLimitTable(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const [found] = await connection.execute<Array<{ t: string | null }>>(`select to_regclass('rate_limit_bucket')::text as t`);
  if (found?.t) return;
  const migration = new Migration20261128230000_rate_limit(orm.em.getDriver(), orm.config);
  await migration.up();
  for (const query of migration.getQueries()) await connection.execute(String(query), [], 'run');
}

describe('RateLimiter on PostgreSQL', () => {
  let db: TestDatabase;
  // Two ORMs, two connection pools: two instances of the service.
  let ormA: MikroORM;
  let ormB: MikroORM;
  let limiterA: RateLimiter;
  let limiterB: RateLimiter;

  beforeAll(async () => {
    db = await createTestDatabase();
    ormA = await MikroORM.init(buildOrmOptions(db.url, 10));
    ormB = await MikroORM.init(buildOrmOptions(db.url, 10));
    await ensureRateLimitTable(ormA);
    limiterA = new RateLimiter(ormA.em);
    limiterB = new RateLimiter(ormB.em);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await ormA.close(true);
    await ormB.close(true);
    await db.drop();
  }, BOOT_TIMEOUT_MS);

  const rowsOf = async (key: string, windowMs: number) =>
    ormA.em
      .getConnection()
      .execute<Array<{ window_start: Date; count: number }>>(
        'select window_start, count from rate_limit_bucket where key = ? order by window_start',
        [storedRateLimitKey(key, windowMs)],
      );

  it('allows up to the limit in a window, then refuses with the time left', async () => {
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await limiterA.hit('login:ip:203.0.113.7', 3, MINUTE, at(42_000)));
    expect(decisions).toEqual([
      { allowed: true, remaining: 2, retryAfterMs: 0 },
      { allowed: true, remaining: 1, retryAfterMs: 0 },
      { allowed: true, remaining: 0, retryAfterMs: 0 },
      { allowed: false, remaining: 0, retryAfterMs: 18_000 },
      { allowed: false, remaining: 0, retryAfterMs: 18_000 },
    ]);
    // Another key, another instance: its own count.
    expect(await limiterB.hit('login:ip:198.51.100.1', 3, MINUTE, at(42_000))).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  });

  it('starts afresh when the next window begins, and drops the key’s old window', async () => {
    const key = 'login:user:ayu';
    for (let i = 0; i < 3; i++) await limiterA.hit(key, 2, MINUTE, at(10_000));
    expect((await limiterA.hit(key, 2, MINUTE, at(MINUTE - 1))).allowed).toBe(false);
    expect(await limiterB.hit(key, 2, MINUTE, at(MINUTE))).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
    const rows = await rowsOf(key, MINUTE);
    expect(rows.map((r) => [new Date(r.window_start).toISOString(), r.count])).toEqual([[at(MINUTE).toISOString(), 1]]);
  });

  it('keeps the same key under another window length as a separate counter', async () => {
    const key = 'public:ip:192.0.2.9';
    expect((await limiterA.hit(key, 1, MINUTE, at(0))).allowed).toBe(true);
    expect((await limiterA.hit(key, 1, MINUTE, at(1))).allowed).toBe(false);
    expect((await limiterA.hit(key, 1, 60 * MINUTE, at(2))).allowed).toBe(true);
  });

  it('allows exactly the limit when two instances hit one key concurrently (200 hits, limit 50)', async () => {
    const key = 'login:ip:203.0.113.200';
    const now = at(5 * MINUTE + 123);
    const hits = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? limiterA : limiterB).hit(key, 50, MINUTE, now));
    const decisions = await Promise.all(hits);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterMs === MINUTE - 123)).toBe(true);
    // Every hit was counted once, refused ones included.
    expect((await rowsOf(key, MINUTE)).map((r) => r.count)).toEqual([200]);
  });

  it('counts a hit even when the caller’s transaction rolls back (a failed login still counts)', async () => {
    const key = 'login:user:rollback';
    await expect(
      ormA.em.transactional(async () => {
        await limiterA.hit(key, 1, MINUTE, at(0));
        throw new Error('wrong password');
      }),
    ).rejects.toThrow('wrong password');
    expect((await limiterB.hit(key, 1, MINUTE, at(1))).allowed).toBe(false);
  });

  it('prunes windows older than the horizon and keeps the rest', async () => {
    const day = 24 * 60 * MINUTE;
    await limiterA.hit('prune:quiet', 5, MINUTE, at(-2 * day));
    await limiterA.hit('prune:recent', 5, MINUTE, at(-day + MINUTE));
    const deleted = await limiterB.prune(at(0), day);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('prune:quiet', MINUTE)).toEqual([]);
    expect(await rowsOf('prune:recent', MINUTE)).toHaveLength(1);
  });
});

// schema-drift.int-spec.ts covers this once the entity and the migration are
// listed (entities.ts, migrations/index.ts); this checks the pair on its own.
describe('RateLimitBucket entity and its migration', () => {
  it('describe the same table', async () => {
    const db = await createTestDatabase({ empty: true });
    const orm = await MikroORM.init(defineConfig({ clientUrl: db.url, entities: [RateLimitBucket], allowGlobalContext: false }));
    try {
      await ensureRateLimitTable(orm);
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
