import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A citizens' app allowed to file reports through Open311 (FixMyStreet, the
 * regency's own app…). Its key is shown once at creation; only its sha256 is
 * kept (a random 32-byte secret needs no slow hash). An Open311 key is not a
 * GraphQL credential: it opens only the Open311 routes, so it has no role in
 * the permission table.
 */
@Entity({ tableName: 'open311_client' })
export class Open311Client {
  [OptionalProps]?: 'id' | 'revokedAt' | 'lastUsedAt' | 'rateLimitPerMinute';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  /** Identifies the key in lists, logs and the tickets it filed (`open311:<prefix>`). */
  @Property({ type: 'text', unique: 'open311_client_prefix_unique' })
  prefix!: string;

  @Property({ type: 'text' })
  secretHash!: string;

  /** This client's own limit; null: OPEN311_RATE_LIMIT_PER_MINUTE. */
  @Property({ type: 'integer', nullable: true })
  rateLimitPerMinute: number | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}
