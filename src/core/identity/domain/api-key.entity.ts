import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An OPD system's key: scoped to one OPD and a set of operations. The secret
 * is shown once at creation; only its sha256 is kept (a random 32-byte secret
 * needs no slow hash). The prefix identifies the key in lists and logs.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'id' | 'revokedAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', unique: 'api_key_prefix_unique' })
  prefix!: string;

  @Property({ type: 'text' })
  secretHash!: string;

  @Property({ type: 'text' })
  opdCode!: string;

  /** Operations of the permission table this key may use (within what OPD systems may). */
  @Property({ type: 'text[]' })
  permissions!: string[];

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}
