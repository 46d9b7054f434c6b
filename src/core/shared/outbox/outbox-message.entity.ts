import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/**
 * A message for later consumers (notifications, webhooks), written in the
 * same transaction as the change it reports, so neither exists without the
 * other. Nothing reads the outbox yet: `publishedAt` and `attempts` are
 * there for the relay that the delivery work adds; until then the rows
 * only accumulate.
 */
@Entity({ tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_unpublished_idx',
  expression: 'create index "outbox_message_unpublished_idx" on "outbox_message" ("created_at") where "published_at" is null',
})
export class OutboxMessage {
  [OptionalProps]?: 'id' | 'publishedAt' | 'attempts';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** e.g. ticket.created, ticket.dispatched */
  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'text' })
  aggregateType!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;
}
