import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** The answer to one hit. */
export interface RateLimitDecision {
  /** This hit is within the limit: serve it. */
  readonly allowed: boolean;
  /** Hits still allowed in the current window after this one. */
  readonly remaining: number;
  /** When refused: milliseconds until the window resets (a `Retry-After`); 0 when allowed. */
  readonly retryAfterMs: number;
}

/** How far back {@link RateLimiter.prune} keeps windows by default: longer than any window in use. */
export const DEFAULT_PRUNE_HORIZON_MS = 24 * 60 * 60 * 1000;

// One statement, so the count is atomic across every instance and pool: an
// INSERT ... ON CONFLICT DO UPDATE takes the row lock, and a concurrent hit on
// the same window waits for it and then adds to the committed count. The
// second, unreferenced CTE drops this key's earlier windows: PostgreSQL runs
// it after the upsert (same lock order for every hit, so no deadlock), and it
// keeps the table at about one row per active key without a sweeper.
const HIT_SQL = `with hit as (
    insert into "rate_limit_bucket" as b ("key", "window_start", "count")
    values (?, cast(? as timestamptz), 1)
    on conflict ("key", "window_start") do update set "count" = b."count" + 1
    returning b."count"
  ), expired as (
    delete from "rate_limit_bucket" where "key" = ? and "window_start" < cast(? as timestamptz)
  )
  select "count" from hit`;

const PRUNE_SQL = `delete from "rate_limit_bucket" where "window_start" < cast(? as timestamptz)`;

/**
 * A fixed-window rate limiter whose counts live in PostgreSQL (table
 * `rate_limit_bucket`), so a limit holds across every instance of the service
 * without Redis. Time comes from the caller (the app's injected clock), never
 * from the system, so tests move time instead of sleeping.
 *
 * Each hit uses its own pooled connection, outside any transaction the caller
 * is in: a failed login that rolls its transaction back still counts.
 *
 * A key names one limit, e.g. `login:ip:203.0.113.7` or `login:user:ayu`. The
 * text before the first `:` (the scope) is stored as is, for operators; the
 * rest is hashed (with the window length, so the same key under two window
 * lengths is two independent counters). No IP, user name or phone number
 * reaches the table, and a key of any length stores in a bounded row.
 *
 * @example
 * const decision = await limiter.hit(`login:ip:${ip}`, 10, 60_000, clock.now());
 * if (!decision.allowed) throw new ApiError('RATE_LIMITED', 'Too many attempts', { retryAfterMs: decision.retryAfterMs });
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly em: EntityManager) {}

  /**
   * Counts one hit on `key` in the fixed window of `windowMs` containing `now`
   * and says whether it is within `limit`. Refused hits count too (a client
   * hammering a closed window stays refused until it resets).
   */
  async hit(key: string, limit: number, windowMs: number, now: Date): Promise<RateLimitDecision> {
    assertWholeAtLeast(limit, 1, 'limit');
    assertWholeAtLeast(windowMs, 1, 'windowMs');
    const start = fixedWindowStart(now, windowMs);
    const stored = storedRateLimitKey(key, windowMs);
    const startText = start.toISOString();
    const rows = await this.em
      .getConnection()
      .execute<Array<{ count: number | string }>>(HIT_SQL, [stored, startText, stored, startText], 'all');
    return decide(Number(rows[0]?.count), limit, start, windowMs, now);
  }

  /**
   * Deletes windows that started more than `horizonMs` before `now` (keys
   * that went quiet; active keys drop their old windows themselves). The
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
 * The start of the fixed window of `windowMs` that contains `now`: windows are
 * aligned to the epoch, so every instance computes the same one.
 *
 * @example
 * fixedWindowStart(new Date('2026-11-28T02:00:42Z'), 60_000); // 2026-11-28T02:00:00Z
 */
export function fixedWindowStart(now: Date, windowMs: number): Date {
  assertDate(now);
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
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

/** The decision for the `count`-th hit of a window. */
export function decide(count: number, limit: number, windowStart: Date, windowMs: number, now: Date): RateLimitDecision {
  if (!Number.isInteger(count) || count < 1) throw new Error(`Rate-limit upsert returned no count (got ${count})`);
  const allowed = count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    retryAfterMs: allowed ? 0 : windowStart.getTime() + windowMs - now.getTime(),
  };
}

function assertWholeAtLeast(value: number, min: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number >= ${min} (got ${value})`);
}

function assertDate(value: Date): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError('now must be a valid Date');
}
