import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * One fixed window of one rate-limit key: how many hits it has taken so far.
 * Written only by {@link RateLimiter}'s single upsert statement (never through
 * the unit of work), so every instance of the service shares the same counts.
 * Must match Migration20261128230000_rate_limit exactly (schema-drift test).
 */
@Entity({ tableName: 'rate_limit_bucket' })
// prune() deletes by age across all keys.
@Index({ name: 'rate_limit_bucket_window_start_idx', properties: ['windowStart'] })
export class RateLimitBucket {
  [PrimaryKeyProp]?: ['key', 'windowStart'];

  /** `<scope>:<hash>`: the caller's key, hashed so no IP, user name or phone number is stored. */
  @PrimaryKey({ type: 'text' })
  key!: string;

  /** Start of the fixed window (a multiple of the window length since the epoch). */
  @PrimaryKey({ type: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  count!: number;
}
