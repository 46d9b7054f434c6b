import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OneToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ChannelConversation } from '../../domain/channel-conversation.entity';
import { ChannelMessage } from '../../domain/channel-message.entity';

/** Where a queued outbound message stands. */
export enum OutboundStatus {
  /** Waiting for its (next) attempt, or being sent (leased). */
  PENDING = 'PENDING',
  /** The platform accepted it (its message id is on the channel_message). */
  SENT = 'SENT',
  /** A permanent failure, or every attempt failed: kept for people to see. */
  DEAD = 'DEAD',
  /** Not sent on purpose (the citizen opted out before it went). */
  CANCELLED = 'CANCELLED',
}

/** Why the message goes out; milestones pick text or template at send time. */
export enum OutboundPurpose {
  /** A call taker's reply (free text, or an approved template outside WhatsApp's window). */
  REPLY = 'REPLY',
  /** A ticket milestone to the reporter (received, routed, on site, resolved). */
  MILESTONE = 'MILESTONE',
}

/**
 * The channel's outbox: one row per logical outbound message, written in the
 * same transaction as the change that causes it (a reply with its
 * channel_message; a milestone in the outbox relay's transaction), unique on
 * `dedupeKey` so a replayed cause adds nothing. The dispatcher leases due rows
 * (`FOR UPDATE SKIP LOCKED`), sends through the platform's adapter and records
 * the outcome here and on the channel_message.
 */
@Entity({ tableName: 'channel_outbound_queue' })
@Unique({ name: 'channel_outbound_queue_dedupe_key_unique', properties: ['dedupeKey'] })
@Index({
  name: 'channel_outbound_queue_due_idx',
  expression: `create index "channel_outbound_queue_due_idx" on "channel_outbound_queue" ("next_attempt_at") where "status" = 'PENDING'`,
})
@Index({
  name: 'channel_outbound_queue_pending_order_idx',
  expression: `create index "channel_outbound_queue_pending_order_idx" on "channel_outbound_queue" ("conversation_id", "position") where "status" = 'PENDING'`,
})
@Index({ name: 'channel_outbound_queue_conversation_idx', properties: ['conversation', 'createdAt'] })
export class ChannelOutboundQueue {
  [OptionalProps]?: 'id' | 'position' | 'templateName' | 'templateLanguage' | 'templateParameters' | 'milestone' | 'attempts' | 'leasedUntil' | 'leaseToken' | 'lastError' | 'sentAt' | 'deadAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Insertion order: one conversation's messages go out in this order. */
  @Property({ type: 'bigint', autoincrement: true })
  position?: string;

  /** e.g. `reply:<client key>`, `milestone:<ticket>:<conversation>:ON_SITE`. */
  @Property({ type: 'text' })
  dedupeKey!: string;

  @OneToOne(() => ChannelMessage, { owner: true, deleteRule: 'cascade', unique: 'channel_outbound_queue_message_id_unique' })
  message!: ChannelMessage;

  @ManyToOne(() => ChannelConversation, { deleteRule: 'cascade' })
  conversation!: ChannelConversation;

  @Enum({ items: () => OutboundPurpose, type: 'text' })
  purpose!: OutboundPurpose;

  /** RECEIVED, ROUTED, ON_SITE, RESOLVED for milestones. */
  @Property({ type: 'text', nullable: true })
  milestone: string | null = null;

  /** The free text (or the rendered template, for platforms without templates). */
  @Property({ type: 'text' })
  text!: string;

  /** The approved WhatsApp template: always sent as such for a reply that names one; for a milestone, only outside the window. */
  @Property({ type: 'text', nullable: true })
  templateName: string | null = null;

  @Property({ type: 'text', nullable: true })
  templateLanguage: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  templateParameters: string[] | null = null;

  @Enum({ items: () => OutboundStatus, type: 'text' })
  status: OutboundStatus = OutboundStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Held by a dispatcher until then; a crashed one's row is taken again after it. */
  @Property({ type: 'timestamptz', nullable: true })
  leasedUntil: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  leaseToken: string | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  deadAt: Date | null = null;
}
