import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/** Where a delivery stands. */
export enum WebhookDeliveryStatus {
  /** Waiting for its (next) attempt, or being sent (leased). */
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Every attempt failed: kept for people to see and redeliver. */
  DEAD = 'DEAD',
  /** Its endpoint was disabled (by a person or a 410 Gone) before it went out. */
  CANCELLED = 'CANCELLED',
}

/**
 * One outbox message for one endpoint, written in the relay's transaction
 * (once: the (endpoint, message) key), with its own copy of the body, then
 * sent and retried by the dispatcher. The message id is the `webhook-id`,
 * the same on every attempt and redelivery.
 */
@Entity({ tableName: 'webhook_delivery' })
@Unique({ name: 'webhook_delivery_endpoint_message_unique', properties: ['endpoint', 'messageId'] })
@Index({
  name: 'webhook_delivery_due_idx',
  expression: `create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING'`,
})
@Index({
  name: 'webhook_delivery_pending_order_idx',
  expression: `create index "webhook_delivery_pending_order_idx" on "webhook_delivery" ("endpoint_id", "ticket_id", "position") where "status" = 'PENDING'`,
})
@Index({ name: 'webhook_delivery_endpoint_created_idx', properties: ['endpoint', 'createdAt'] })
@Index({
  name: 'webhook_delivery_finished_idx',
  expression: `create index "webhook_delivery_finished_idx" on "webhook_delivery" ("created_at") where "status" <> 'PENDING'`,
})
export class WebhookDelivery {
  [OptionalProps]?: 'id' | 'attempts' | 'leasedUntil' | 'leaseToken' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'deliveredAt' | 'deadAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  /** The outbox message: the `webhook-id`. No foreign key: published messages are pruned, deliveries stay. */
  @Property({ type: 'uuid' })
  messageId!: string;

  /** The message's aggregate (the ticket): deliveries of one ticket to one endpoint go out in order. */
  @Property({ type: 'uuid' })
  ticketId!: string;

  /** The message's outbox position: the order within a ticket. */
  @Property({ type: 'bigint' })
  position!: string;

  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'text' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Held by a dispatcher until then; a crashed one's delivery is taken again after it. */
  @Property({ type: 'timestamptz', nullable: true })
  leasedUntil: Date | null = null;

  /** Whose lease it is: a dispatcher records its result only while the lease is still its own. */
  @Property({ type: 'uuid', nullable: true })
  leaseToken: string | null = null;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deadAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
