import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ChannelPlatform } from './channel.enums';

/**
 * One of the regency's official social-media accounts (set by the regent's
 * decree). A webhook for an account that is not here, or not active, is
 * refused. Secrets (app secret, tokens) are configuration, never columns.
 */
@Entity({ tableName: 'official_account' })
@Unique({ name: 'official_account_platform_account_unique', properties: ['platform', 'accountId'] })
export class OfficialAccount {
  [OptionalProps]?: 'id' | 'active' | 'decreeRef' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => ChannelPlatform, type: 'text' })
  platform!: ChannelPlatform;

  /** The platform's id: WhatsApp `phone_number_id`, Page id, Instagram account id, Telegram bot id. */
  @Property({ type: 'text' })
  accountId!: string;

  @Property({ type: 'text' })
  displayName!: string;

  /** The decree (Keputusan Bupati) that lists this account. */
  @Property({ type: 'text', nullable: true })
  decreeRef: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}
