import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { ActorRole } from '../../actor';

/**
 * A person who works in Sigap. OPD-bound roles (officer, head, field unit)
 * carry their OPD; call takers their languages (for routing calls later).
 * The password is stored only as a memory-hard hash.
 */
@Entity({ tableName: 'staff_user' })
export class StaffUser {
  [OptionalProps]?: 'id' | 'version' | 'failedLogins' | 'lockedUntil' | 'active' | 'languages' | 'opdCode';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Lower case, unique; also the actor id recorded in ticket events. */
  @Property({ type: 'text', unique: 'staff_user_username_unique' })
  username!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Enum({ items: () => ActorRole, type: 'text' })
  role!: ActorRole;

  @Property({ type: 'text', nullable: true })
  opdCode: string | null = null;

  /** BCP 47 tags, e.g. ['id', 'en', 'ja']. */
  @Property({ type: 'text[]', default: '{}' })
  languages: string[] = [];

  @Property({ type: 'text' })
  passwordHash!: string;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  /** Failed logins since the last success; drives the lockout backoff. */
  @Property({ type: 'integer', default: 0 })
  failedLogins: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz' })
  passwordChangedAt!: Date;
}
