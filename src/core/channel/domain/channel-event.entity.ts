import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ChannelEventType, ConversationState } from './channel.enums';
import { ChannelConversation } from './channel-conversation.entity';
import { OfficialAccount } from './official-account.entity';

/**
 * The channel's audit trail, written in the same transaction as the change:
 * every conversation state change (seq = the conversation's `lastEventSeq`
 * after it, unique, so two writers of one step cannot both succeed) and every
 * change to the account registry (conversation null).
 */
@Entity({ tableName: 'channel_event' })
@Unique({ name: 'channel_event_conversation_seq_unique', properties: ['conversation', 'seq'] })
@Index({ name: 'channel_event_account_idx', properties: ['account', 'occurredAt'] })
export class ChannelEvent {
  [OptionalProps]?: 'id' | 'conversation' | 'seq' | 'fromState' | 'toState' | 'payload';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfficialAccount, { deleteRule: 'restrict' })
  account!: OfficialAccount;

  @ManyToOne(() => ChannelConversation, { nullable: true, deleteRule: 'cascade' })
  conversation: ChannelConversation | null = null;

  @Property({ type: 'integer', nullable: true })
  seq: number | null = null;

  @Enum({ items: () => ChannelEventType, type: 'text' })
  type!: ChannelEventType;

  @Enum({ items: () => ConversationState, type: 'text', nullable: true })
  fromState: ConversationState | null = null;

  @Enum({ items: () => ConversationState, type: 'text', nullable: true })
  toState: ConversationState | null = null;

  /** Staff user id, or `citizen` / `system`. */
  @Property({ type: 'text' })
  actorId!: string;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Inputs of the change (message id, ticket id, changed fields) — never secrets. */
  @Property({ type: 'json', default: '{}' })
  payload: Record<string, unknown> = {};
}
