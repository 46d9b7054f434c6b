import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The sliding log of one rate-limit key: the instants of its `limit + 1`
 * newest hits, allowed or refused. Written only by {@link RateLimiter}'s single
 * upsert statement (never through the unit of work), so every instance of the
 * service shares the same log. Must match
 * Migration20261129120000_sliding_rate_limit exactly (schema-drift test).
 */
@Entity({ tableName: 'rate_limit_log' })
// prune() deletes quiet keys by the age of their newest hit.
@Index({ name: 'rate_limit_log_last_hit_at_idx', properties: ['lastHitAt'] })
export class RateLimitLog {
  /** `<scope>:<hash>`: the caller's key, hashed so no IP, user name or phone number is stored. */
  @PrimaryKey({ type: 'text' })
  key!: string;

  /** The newest `limit + 1` hits, newest first (the limit is the caller's, per hit). */
  @Property({ type: 'timestamptz[]' })
  hits!: Date[];

  /** The newest of {@link hits}: what prune() reads. */
  @Property({ type: 'timestamptz' })
  lastHitAt!: Date;
}
