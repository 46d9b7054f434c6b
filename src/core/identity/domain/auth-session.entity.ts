import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { StaffUser } from './staff-user.entity';

/**
 * One login. Its refresh token is stored hashed and rotated at every
 * refresh; presenting an old one again (a stolen copy) revokes the session.
 * Access tokens name the session, so logging out ends them too.
 */
@Entity({ tableName: 'auth_session' })
@Index({ name: 'auth_session_user_idx', properties: ['user'] })
export class AuthSession {
  [OptionalProps]?: 'id' | 'revokedAt' | 'previousRefreshHash';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => StaffUser, { deleteRule: 'cascade' })
  user!: StaffUser;

  /** sha256 of the current refresh token. */
  @Property({ type: 'text', unique: 'auth_session_refresh_hash_unique' })
  refreshHash!: string;

  /** sha256 of the refresh token it replaced: seeing it again means it was copied. */
  @Property({ type: 'text', nullable: true })
  previousRefreshHash: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  refreshedAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
