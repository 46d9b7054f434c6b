import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** The answer to one hit. */
export interface RateLimitDecision {
  /** This hit is within the limit: serve it. */
  readonly allowed: boolean;
  /**
   * Hits still allowed at this instant after this one: `limit` minus the hits
   * (allowed or refused, this one included) in the last `windowMs`; 0 when
   * refused. More become available as older hits leave the window.
   */
  readonly remaining: number;
  /**
   * When refused: milliseconds until a hit is allowed again if none comes
   * meanwhile, i.e. until the `limit`-th newest hit (this one included) is
   * `windowMs` old (a `Retry-After`); 0 when allowed.
   */
  readonly retryAfterMs: number;
}

/** How far back {@link RateLimiter.prune} keeps logs by default: longer than any window in use. */
export const DEFAULT_PRUNE_HORIZON_MS = 24 * 60 * 60 * 1000;

// One statement, so the log is updated atomically across every instance and
// pool: INSERT ... ON CONFLICT DO UPDATE takes the key's row lock, and a
// concurrent hit on the same key waits for it, then works on the committed
// log (READ COMMITTED re-reads the newest row version). The new log is the
// limit + 1 newest instants of the old log and this hit (the LIMIT parameter);
// RETURNING hands it back as epoch milliseconds for decideFromLog().
const HIT_SQL = `insert into "rate_limit_log" as l ("key", "hits", "last_hit_at")
  values (?, array[cast(? as timestamptz)], cast(? as timestamptz))
  on conflict ("key") do update set
    "hits" = array(select h from unnest(l."hits" || excluded."hits") as h order by h desc limit cast(? as int)),
    "last_hit_at" = greatest(l."last_hit_at", excluded."last_hit_at")
  returning cast(array(select extract(epoch from h) * 1000 from unnest(l."hits") as h) as float8[]) as "hits_ms"`;

const PRUNE_SQL = `delete from "rate_limit_log" where "last_hit_at" < cast(? as timestamptz)`;

/**
 * A sliding-window rate limiter whose state lives in PostgreSQL (table
 * `rate_limit_log`), so a limit holds across every instance of the service
 * without Redis: a hit is allowed only if fewer than `limit` hits of its key
 * lie in the `windowMs` before it, so no span of `windowMs` (not just no
 * calendar minute) ever holds more than `limit` allowed hits. Time comes from
 * the caller (the app's injected clock), never from the system, so tests move
 * time instead of sleeping.
 *
 * **Storage: a sliding log cut to the `limit + 1` newest hits.** Each key has
 * one row with the instants of its newest `limit + 1` hits, allowed or refused
 * (`timestamptz[]`, newest first), so a row is bounded whatever the traffic.
 * This is exact, not an approximation: a hit at `t` is allowed iff at most
 * `limit` logged instants, this one included, are later than `t - windowMs`.
 * Those instants are the newest ones, so the cut log holds
 * `min(limit + 1, true count)` of them, and "at most `limit`" reads the same
 * from it as from the full history. `retryAfterMs` needs the `limit`-th newest,
 * also kept. Instants later than `now` count too (hits arriving out of time
 * order, e.g. from instances whose clocks disagree), which keeps the bound
 * for any arrival order: of `limit + 1` allowed hits inside one window, the
 * last to arrive would have seen the other `limit` (or newer ones that
 * displaced them). Nothing is cut by age either: a late hit (stamped earlier)
 * still needs the instants around its own time, and the count alone bounds
 * the row. A token bucket or a
 * weighted two-window counter would store less, but both let more than
 * `limit` through in some span of `windowMs`. The cost: a row of about
 * 8 × (limit + 1) bytes, rewritten by each hit (fine for limits in the
 * hundreds, as configured; a limit in the thousands makes every hit sort and
 * write that many instants).
 *
 * Refused hits are logged too: a client that keeps hammering keeps its window
 * full and stays refused; one that waits `retryAfterMs` gets in. A changed
 * `limit` (a new configuration) applies from the next hit; after a raise, the
 * first window counts only the old limit + 1 hits the log kept.
 *
 * Each hit uses its own pooled connection, outside any transaction the caller
 * is in: a failed login that rolls its transaction back still counts.
 *
 * A key names one limit, e.g. `login:ip:203.0.113.7` or `login:user:ayu`. The
 * text before the first `:` (the scope) is stored as is, for operators; the
 * rest is hashed (with the window length, so the same key under two window
 * lengths is two independent logs). No IP, user name or phone number reaches
 * the table, and a key of any length stores in a bounded row.
 *
 * @example
 * const decision = await limiter.hit(`login:ip:${ip}`, 10, 60_000, clock.now());
 * if (!decision.allowed) throw new ApiError('RATE_LIMITED', 'Too many attempts', { retryAfterMs: decision.retryAfterMs });
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly em: EntityManager) {}

  /**
   * Logs one hit on `key` at `now` and says whether it is within `limit` hits
   * in the last `windowMs`. Refused hits are logged too (a client hammering
   * stays refused until it pauses for `retryAfterMs`).
   */
  async hit(key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitDecision> {
    assertWholeAtLeast(limit, 1, 'limit');
    assertWholeAtLeast(windowMs, 1, 'windowMs');
    assertDate(now);
    const stored = storedRateLimitKey(key, windowMs);
    const nowText = now.toISOString();
    const rows = await this.em
      .getConnection()
      .execute<Array<{ hits_ms: number[] | null }>>(HIT_SQL, [stored, nowText, nowText, limit + 1], 'all');
    return decideFromLog(rows[0]?.hits_ms ?? [], limit, windowMs, now);
  }

  /**
   * Deletes the logs of keys whose newest hit is more than `horizonMs` before
   * `now` (keys that went quiet; an active key keeps one bounded row). The
   * horizon must exceed the longest window in use. Returns the rows deleted.
   *
   * @example
   * await limiter.prune(clock.now()); // e.g. from an hourly @Interval
   */
  async prune(now: Date, horizonMs: number = DEFAULT_PRUNE_HORIZON_MS): Promise<number> {
    assertWholeAtLeast(horizonMs, 1, 'horizonMs');
    assertDate(now);
    const before = new Date(now.getTime() - horizonMs).toISOString();
    const result = await this.em.getConnection().execute<{ affectedRows: number }>(PRUNE_SQL, [before], 'run');
    return result.affectedRows;
  }
}

/**
 * The decision for a hit at `now`, from the key's log after the hit: the
 * instants (epoch ms) of its `limit + 1` newest hits, this one among them
 * unless `limit + 1` later ones displaced it (then it is refused).
 *
 * @example
 * decideFromLog([59_000, 30_000, 10_000], 2, 60_000, new Date(59_000)); // 3 in the last 60 s: refused, retry in 31 s
 */
export function decideFromLog(hitsMs: readonly number[], limit: number, windowMs: number, now: Date): RateLimitDecision {
  const nowMs = now.getTime();
  if (hitsMs.length === 0 || !hitsMs.every(Number.isFinite)) throw new Error(`Rate-limit upsert returned no log (got ${JSON.stringify(hitsMs)})`);
  const newest = [...hitsMs].sort((a, b) => b - a);
  const recent = newest.filter((h) => h > nowMs - windowMs).length;
  if (recent <= limit) return { allowed: true, remaining: limit - recent, retryAfterMs: 0 };
  return { allowed: false, remaining: 0, retryAfterMs: newest[limit - 1] + windowMs - nowMs };
}

/**
 * The key as stored: `<scope>:<base64url sha-256 of window length and key>`.
 *
 * @example
 * storedRateLimitKey('login:ip:203.0.113.7', 60_000); // 'login:Xk3…' (50 characters at most)
 */
export function storedRateLimitKey(key: string, windowMs: number): string {
  if (typeof key !== 'string' || key.length === 0) throw new RangeError('A rate-limit key must be a non-empty string');
  const scope = /^([A-Za-z0-9_.-]{1,40}):/.exec(key)?.[1] ?? 'key';
  const digest = createHash('sha256').update(`${windowMs}|${key}`).digest('base64url');
  return `${scope}:${digest}`;
}

function assertWholeAtLeast(value: number, min: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number >= ${min} (got ${value})`);
}

function assertDate(value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError('now must be a valid Date');
}
