import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { ConversationState } from './channel.enums';
import { OfficialAccount } from './official-account.entity';

/**
 * The thread of one sender on one official account. The sender's handle
 * (phone number, PSID, Telegram chat id) and name are reporter identity: they
 * are shown only under the reporter-visibility rules, and reads are logged.
 */
@Entity({ tableName: 'channel_conversation' })
@Unique({ name: 'channel_conversation_account_sender_unique', properties: ['account', 'senderHandle'] })
// The inbox: waiting conversations, longest wait first.
@Index({ name: 'channel_conversation_state_waiting_idx', properties: ['state', 'waitingSince'] })
@Index({ name: 'channel_conversation_ticket_idx', properties: ['ticketId'] })
export class ChannelConversation {
  [OptionalProps]?:
    | 'id' | 'senderName' | 'language' | 'state' | 'claimedBy' | 'claimedAt' | 'waitingSince' | 'firstResponseAt'
    | 'lastInboundAt' | 'lastOutboundAt' | 'ticketId' | 'optedOut' | 'version' | 'lastEventSeq';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfficialAccount, { deleteRule: 'restrict' })
  account!: OfficialAccount;

  /** WhatsApp `wa_id` (digits of the phone number), Messenger PSID, Instagram IGSID, Telegram chat id. */
  @Property({ type: 'text' })
  senderHandle!: string;

  /** The profile name the platform sent, if any. */
  @Property({ type: 'text', nullable: true })
  senderName: string | null = null;

  /** BCP 47 tag of the language to answer in (from the platform or set by a call taker). */
  @Property({ type: 'text', nullable: true })
  language: string | null = null;

  @Enum({ items: () => ConversationState, type: 'text' })
  state: ConversationState = ConversationState.WAITING;

  /** Staff user id of the call taker holding it. */
  @Property({ type: 'text', nullable: true })
  claimedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  /**
   * The first inbound message not yet answered; null once a reply went out.
   * Orders the inbox and starts the first-response SLA.
   */
  @Property({ type: 'timestamptz', nullable: true })
  waitingSince: Date | null = null;

  /** The first reply after `waitingSince` (set by the outbound side); the SLA stops here. */
  @Property({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null = null;

  /** The last message from the citizen: WhatsApp's 24-hour customer-service window runs from it. */
  @Property({ type: 'timestamptz', nullable: true })
  lastInboundAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastOutboundAt: Date | null = null;

  /** The ticket this conversation became or joined (ticket domain; id only). */
  @Property({ type: 'uuid', nullable: true })
  ticketId: string | null = null;

  /** The citizen sent STOP/BERHENTI: no status updates are pushed. */
  @Property({ type: 'boolean', default: false })
  optedOut: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** The seq of the newest `channel_event` of this conversation. */
  @Property({ type: 'integer', default: 0 })
  lastEventSeq: number = 0;
}
