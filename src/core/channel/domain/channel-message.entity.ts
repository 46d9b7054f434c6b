import { randomUUID } from 'node:crypto';
import { Embeddable, Embedded, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ChannelPlatform, MessageDirection, MessageKind, MessageStatus } from './channel.enums';
import { ChannelConversation } from './channel-conversation.entity';

/** A location the citizen shared. */
@Embeddable()
export class ChannelLocation {
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'text', nullable: true })
  address: string | null = null;
}

/**
 * One message in or out. Platforms deliver at least once and in batches, so
 * inbound rows are inserted with `ON CONFLICT (platform, platform_message_id)
 * DO NOTHING`: the unique key is the dedupe, never a read-then-write.
 *
 * `platformMessageId` formats: WhatsApp `wamid…`; Messenger/Instagram `mid`;
 * Telegram inbound `<botId>:u<update_id>` (update ids are unique per bot),
 * outbound `<botId>:<chat_id>:<message_id>`. Null for an outbound message
 * the platform has not accepted yet (PostgreSQL lets NULLs repeat).
 */
@Entity({ tableName: 'channel_message' })
@Unique({ name: 'channel_message_platform_id_unique', properties: ['platform', 'platformMessageId'] })
@Index({ name: 'channel_message_conversation_idx', properties: ['conversation', 'createdAt', 'id'] })
export class ChannelMessage {
  [OptionalProps]?:
    | 'id' | 'platformMessageId' | 'text' | 'location' | 'attachmentRef' | 'attachmentMimeType' | 'status'
    | 'statusRank' | 'statusAt' | 'statusDetail' | 'templateName' | 'sentBy' | 'idempotencyKey' | 'receivedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ChannelConversation, { deleteRule: 'cascade' })
  conversation!: ChannelConversation;

  /** Copied from the account so the dedupe key needs no join. */
  @Enum({ items: () => ChannelPlatform, type: 'text' })
  platform!: ChannelPlatform;

  @Enum({ items: () => MessageDirection, type: 'text' })
  direction!: MessageDirection;

  @Property({ type: 'text', nullable: true })
  platformMessageId: string | null = null;

  @Enum({ items: () => MessageKind, type: 'text' })
  kind!: MessageKind;

  /** The text, or an attachment's caption. */
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Embedded(() => ChannelLocation, { prefix: 'location_' })
  location: ChannelLocation = new ChannelLocation();

  /** The platform's media id (WhatsApp media id, Telegram file_id); fetched on demand with the account's token. */
  @Property({ type: 'text', nullable: true })
  attachmentRef: string | null = null;

  @Property({ type: 'text', nullable: true })
  attachmentMimeType: string | null = null;

  /** Outbound only: where delivery stands. */
  @Enum({ items: () => MessageStatus, type: 'text', nullable: true })
  status: MessageStatus | null = null;

  /** MESSAGE_STATUS_RANK of `status`; a callback applies only if it is higher. */
  @Property({ type: 'integer', nullable: true })
  statusRank: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  statusAt: Date | null = null;

  /** The platform's error, or why a template was sent instead of free text (outside the 24-hour window). */
  @Property({ type: 'text', nullable: true })
  statusDetail: string | null = null;

  /** Outbound: the approved template used, if any. */
  @Property({ type: 'text', nullable: true })
  templateName: string | null = null;

  /** Outbound: staff user id, or `system` for milestones. */
  @Property({ type: 'text', nullable: true })
  sentBy: string | null = null;

  /** Outbound: the sender's key for a safe retry (unique when present). */
  @Property({ type: 'text', nullable: true, unique: 'channel_message_idempotency_key_unique' })
  idempotencyKey: string | null = null;

  /** When the row was written (our clock). */
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** Inbound: the platform's timestamp of the message. */
  @Property({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null = null;
}
