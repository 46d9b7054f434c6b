import { randomUUID } from 'node:crypto';
import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An OPD system's receiver of webhooks: one URL, one OPD (it only ever
 * gets that OPD's messages), the events it asked for, and its signing
 * secret. The secret is kept as is, because the server signs with it; it is
 * returned only at creation and rotation. After a rotation the previous
 * secret signs alongside until `previousSecretUntil`.
 */
@Entity({ tableName: 'webhook_endpoint' })
@Index({
  name: 'webhook_endpoint_opd_active_idx',
  expression: 'create index "webhook_endpoint_opd_active_idx" on "webhook_endpoint" ("opd_code") where "disabled_at" is null',
})
export class WebhookEndpoint {
  [OptionalProps]?: 'id' | 'previousSecret' | 'previousSecretUntil' | 'disabledAt' | 'disabledReason';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  opdCode!: string;

  @Property({ type: 'text' })
  url!: string;

  /** WebhookEvent names. */
  @Property({ type: 'text[]' })
  events!: string[];

  @Property({ type: 'text' })
  secret!: string;

  @Property({ type: 'text', nullable: true })
  previousSecret: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  previousSecretUntil: Date | null = null;

  /** Set when an admin, the OPD's head or a 410 Gone stopped it. */
  @Property({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  disabledReason: string | null = null;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
