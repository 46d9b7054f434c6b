import { Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * Secrets every instance must share, made at first boot: the token signing
 * key (unless configured) and the one-time setup secret (its hash).
 */
@Entity({ tableName: 'auth_setting' })
export class AuthSetting {
  [PrimaryKeyProp]?: 'key';
  [OptionalProps]?: 'expiresAt';

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;
}
