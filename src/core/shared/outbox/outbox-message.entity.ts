import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property, OptionalProps, Unique, Check } from '@mikro-orm/core';

/**
 * A message for later consumers (subscriptions, webhooks, notifications),
 * written in the same transaction as the change it reports, so neither exists
 * without the other. The outbox relay (src/core/delivery) publishes it: it
 * fans the message out to every delivery target, numbers it in the published
 * stream and marks it published, in one transaction. Its id is the message's
 * stable id everywhere (a webhook's `webhook-id`, a subscription's event id).
 */
@Entity({ tableName: 'outbox_message' })
@Index({
  name: 'outbox_message_pending_idx',
  expression: 'create index "outbox_message_pending_idx" on "outbox_message" ("position") where "published_at" is null and "dead_at" is null',
})
@Index({
  name: 'outbox_message_pending_aggregate_idx',
  expression:
    'create index "outbox_message_pending_aggregate_idx" on "outbox_message" ("aggregate_id", "position") where "published_at" is null and "dead_at" is null',
})
@Index({
  name: 'outbox_message_dead_idx',
  expression: 'create index "outbox_message_dead_idx" on "outbox_message" ("dead_at") where "dead_at" is not null',
})
@Index({
  name: 'outbox_message_published_at_idx',
  expression: 'create index "outbox_message_published_at_idx" on "outbox_message" ("published_at") where "published_at" is not null',
})
export class OutboxMessage {
  [OptionalProps]?: 'id' | 'publishedAt' | 'attempts' | 'position' | 'nextAttemptAt' | 'lastError' | 'deadAt' | 'publishedSeq';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Insertion order; per ticket it is commit order, and the relay keeps it. */
  @Property({ type: 'bigint', autoincrement: true })
  position?: string;

  /** e.g. ticket.created, ticket.dispatched, sla.breached */
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

  /** Not before: the relay's backoff after a failed attempt. */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  /** Its number in the published stream (commit order across all instances). */
  @Property({ type: 'bigint', nullable: true })
  @Unique({ name: 'outbox_message_published_seq_unique' })
  publishedSeq: string | null = null;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** Set after the last allowed attempt failed: an admin can see and replay it. */
  @Property({ type: 'timestamptz', nullable: true })
  deadAt: Date | null = null;
}

/** The published stream's counter: one row, locked by a publisher until it commits. */
@Entity({ tableName: 'outbox_stream' })
@Check({ name: 'outbox_stream_one_row', expression: '"id" = 1' })
export class OutboxStream {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint' })
  lastSeq!: string;
}
