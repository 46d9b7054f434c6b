import { createUnionType, Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChannelPlatform, ConversationState, MessageDirection, MessageKind, MessageStatus } from '../domain/channel.enums';
import type { ConversationRow, MessageRow } from '../infrastructure/conversation.store';

registerEnumType(ConversationState, { name: 'ConversationState' });
registerEnumType(MessageDirection, { name: 'MessageDirection' });
registerEnumType(MessageKind, { name: 'MessageKind' });
registerEnumType(MessageStatus, { name: 'MessageStatus' });

/** WhatsApp's customer-service window: free-form replies only within 24 h of the citizen's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

@ObjectType('ChannelSender', { description: 'Who wrote: reporter identity, shown under the same rule as Ticket.reporter (and logged when shown).' })
export class ChannelSenderModel {
  @Field(() => String, { nullable: true, description: 'Phone number (WhatsApp), PSID/IGSID, Telegram chat id; null when withheld.' }) handle!: string | null;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field({ description: 'False: withheld from you (your role, or an anonymous report).' }) identityVisible!: boolean;
}

@ObjectType('ChannelConversation', { description: "One citizen's thread on one official account." })
export class ChannelConversationModel {
  @Field(() => ID) id!: string;
  @Field(() => ChannelPlatform) platform!: ChannelPlatform;
  @Field(() => ID) accountId!: string;
  @Field() accountName!: string;
  @Field(() => String, { nullable: true }) language!: string | null;
  @Field(() => ConversationState) state!: ConversationState;
  @Field(() => String, { nullable: true }) claimedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) claimedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The first unanswered message; null once answered. Orders the inbox.' }) waitingSince!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) firstResponseAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastInboundAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastOutboundAt!: Date | null;
  @Field({ description: "Free-form replies possible now (WhatsApp's 24-hour window; always true elsewhere)." }) replyWindowOpen!: boolean;
  @Field(() => ID, { nullable: true }) ticketId!: string | null;
  @Field() optedOut!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  /** The row, for the guarded `sender` field. */
  row!: ConversationRow;
}

@ObjectType('ChannelLocation')
export class ChannelLocationModel {
  @Field(() => Float) latitude!: number;
  @Field(() => Float) longitude!: number;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType('ChannelMessage')
export class ChannelMessageModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) conversationId!: string;
  @Field(() => MessageDirection) direction!: MessageDirection;
  @Field(() => MessageKind) kind!: MessageKind;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => ChannelLocationModel, { nullable: true }) location!: ChannelLocationModel | null;
  @Field(() => String, { nullable: true, description: "The platform's media id of an image, voice note, video or document." }) attachmentRef!: string | null;
  @Field(() => String, { nullable: true }) attachmentMimeType!: string | null;
  @Field(() => MessageStatus, { nullable: true, description: 'Outbound: how far delivery got.' }) status!: MessageStatus | null;
  @Field(() => String, { nullable: true }) statusDetail!: string | null;
  @Field(() => String, { nullable: true }) templateName!: string | null;
  @Field(() => String, { nullable: true }) sentBy!: string | null;
  @Field(() => GraphQLISODateTime, { description: "The platform's time for inbound messages, ours for outbound." }) at!: Date;
}

@ObjectType({ description: 'The conversation is yours now (or already was).' })
export class ConversationClaimed {
  @Field(() => ChannelConversationModel) conversation!: ChannelConversationModel;
}

@ObjectType({ description: 'Another call taker holds it: answer someone else.' })
export class ConversationAlreadyClaimed {
  @Field(() => ID) conversationId!: string;
  @Field() claimedBy!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) claimedAt!: Date | null;
}

@ObjectType({ description: 'Closed: a new message from the citizen puts it back in the queue.' })
export class ConversationClosed {
  @Field(() => ID) conversationId!: string;
}

@ObjectType()
export class ConversationNotFound {
  @Field(() => ID) conversationId!: string;
}

export const ClaimConversationResult = createUnionType({
  name: 'ClaimConversationResult',
  types: () => [ConversationClaimed, ConversationAlreadyClaimed, ConversationClosed, ConversationNotFound] as const,
  resolveType: (value: object) => value.constructor,
});

@ObjectType('ConversationNotice', { description: 'A conversation changed (new message, claimed, released, …), pushed in commit order.' })
export class ConversationNoticeModel {
  @Field({ description: 'Resume after this notice: pass it as `after` when resubscribing.' }) cursor!: string;
  @Field({ description: 'message, claimed, released, …' }) reason!: string;
  @Field(() => ID) conversationId!: string;
  @Field(() => ChannelConversationModel, { nullable: true, description: 'The conversation as it is now.' }) conversation!: ChannelConversationModel | null;
}

export function toConversationModel(row: ConversationRow, now: Date): ChannelConversationModel {
  const windowOpen = row.platform !== ChannelPlatform.WHATSAPP || (row.last_inbound_at !== null && now.getTime() - row.last_inbound_at.getTime() < REPLY_WINDOW_MS);
  return {
    id: row.id, platform: row.platform, accountId: row.account_id, accountName: row.account_name, language: row.language, state: row.state,
    claimedBy: row.claimed_by, claimedAt: row.claimed_at, waitingSince: row.waiting_since, firstResponseAt: row.first_response_at,
    lastInboundAt: row.last_inbound_at, lastOutboundAt: row.last_outbound_at, replyWindowOpen: windowOpen, ticketId: row.ticket_id,
    optedOut: row.opted_out, version: row.version, updatedAt: row.updated_at, row,
  };
}

export function toMessageModel(m: MessageRow): ChannelMessageModel {
  return {
    id: m.id, conversationId: m.conversation_id, direction: m.direction, kind: m.kind as MessageKind, text: m.text,
    location: m.location_latitude !== null && m.location_longitude !== null
      ? { latitude: m.location_latitude, longitude: m.location_longitude, name: m.location_name, address: m.location_address }
      : null,
    attachmentRef: m.attachment_ref, attachmentMimeType: m.attachment_mime_type, status: m.status as MessageStatus | null, statusDetail: m.status_detail,
    templateName: m.template_name, sentBy: m.sent_by, at: m.received_at ?? m.created_at,
  };
}
