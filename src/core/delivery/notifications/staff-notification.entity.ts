import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
// A type-only import: the relation names its entity, so loading this file never loads the identity domain.
import type { StaffUser } from '../../identity';

/** How urgent a notification is, for the screen to order and colour it. */
export enum NotificationSeverity {
  /** A routine ticket routed to an OPD. */
  INFO = 'INFO',
  /** An emergency routed to an OPD. */
  EMERGENCY = 'EMERGENCY',
  /** An SLA clock passed a warning threshold. */
  WARNING = 'WARNING',
  /** An SLA clock passed its target. */
  BREACH = 'BREACH',
}

/**
 * One thing a staff member is told, written by the outbox relay in the same
 * transaction that publishes the message: the unique (user, message) key
 * makes it once per person, however many relays run. Title and body are
 * written at delivery and carry ticket numbers and OPD codes only, never the
 * reporter's personal data.
 */
@Entity({ tableName: 'staff_notification' })
@Unique({ name: 'staff_notification_once_unique', properties: ['user', 'messageId'] })
@Index({ name: 'staff_notification_inbox_idx', properties: ['user', 'createdAt', 'id'] })
@Index({ name: 'staff_notification_message_idx', properties: ['messageId'] })
@Index({
  name: 'staff_notification_unread_idx',
  expression: 'create index "staff_notification_unread_idx" on "staff_notification" ("user_id") where "read_at" is null',
})
export class StaffNotification {
  [OptionalProps]?: 'id' | 'readAt' | 'ticketId' | 'ticketNumber';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Deleting an account (accounts are deactivated, not deleted) takes its notifications with it. */
  @ManyToOne({ entity: 'StaffUser', deleteRule: 'cascade' })
  user!: StaffUser;

  /** The outbox message it came from (its id is the message's stable id everywhere). */
  @Property({ type: 'uuid' })
  messageId!: string;

  /** The message's topic, e.g. sla.breached, ticket.dispatch. */
  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  @Property({ type: 'text', nullable: true })
  ticketNumber: string | null = null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => NotificationSeverity, type: 'text' })
  severity!: NotificationSeverity;

  /** When the reported change happened (the message's time), not when it was delivered. */
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  readAt: Date | null = null;
}
