import { createUnionType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { TicketKind, TicketPriority } from '../../../ticket';
import { ChannelConversationModel, ConversationNotFound } from '../../api/conversation.graphql';
import { ChannelErrorCode, ChannelException } from '../../domain/channel.exception';

// Expected failures are data the console branches on (`... on CustomerWindowClosed`),
// as with tickets: "send a template instead" is a screen, not an error.

@InputType()
export class ReplyToConversationInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => String, { nullable: true, description: "Free text: inside WhatsApp's 24-hour window (always on Telegram)." })
  @IsOptional() @IsString() @MaxLength(4096) text?: string | null;
  @Field(() => String, { nullable: true, description: 'A template key (e.g. FOLLOW_UP): what may go outside the window.' })
  @IsOptional() @IsString() @MaxLength(40) templateKey?: string | null;
  @Field(() => String, { nullable: true, description: 'Retry with the same key: nothing is sent twice.' })
  @IsOptional() @IsString() @MaxLength(120) idempotencyKey?: string | null;
}

@InputType()
export class ConversationTicketLocationInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(80) district?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) village?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) landmark?: string | null;
}

@InputType()
export class CreateTicketFromConversationInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => TicketKind) @IsEnum(TicketKind) kind!: TicketKind;
  @Field(() => String, { nullable: true, description: "Omitted: the citizen's unanswered messages." }) @IsOptional() @IsString() @MaxLength(4000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(80) categoryCode?: string | null;
  @Field(() => TicketPriority, { nullable: true }) @IsOptional() @IsEnum(TicketPriority) priority?: TicketPriority | null;
  @Field(() => ID, { nullable: true, description: 'The inbound message the ticket refers to; omitted: the latest.' }) @IsOptional() @IsUUID() messageId?: string | null;
  @Field(() => ConversationTicketLocationInput, { nullable: true, description: 'Omitted: the last location the citizen shared.' })
  @IsOptional() @ValidateNested() @Type(() => ConversationTicketLocationInput) location?: ConversationTicketLocationInput | null;
  @Field(() => String, { nullable: true, description: "Omitted: the platform's profile name." }) @IsOptional() @IsString() @MaxLength(120) reporterName?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Hide the reporter from the OPDs' }) @IsOptional() @IsBoolean() anonymous?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the report off public channels' }) @IsOptional() @IsBoolean() confidential?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) idempotencyKey?: string | null;
}

@InputType()
export class AnswerConversationInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field({ description: 'The answer the citizen receives.' }) @IsString() @MinLength(1) @MaxLength(4096) answer!: string;
  @Field(() => String, { nullable: true, description: "The question as recorded; omitted: the citizen's unanswered messages." }) @IsOptional() @IsString() @MaxLength(4000) question?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(80) categoryCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) idempotencyKey?: string | null;
}

@InputType()
export class UpdateChannelTemplateInput {
  @Field({ description: 'RECEIVED, ROUTED, ON_SITE, RESOLVED or FOLLOW_UP' }) @IsString() @MaxLength(40) key!: string;
  @Field({ description: 'Base language tag: id, en, ban…' }) @IsString() @Matches(/^[a-z]{2,3}$/) language!: string;
  @Field({ description: 'The text; {{ticketNumber}} and {{opdName}} are filled in.' }) @IsString() @MinLength(1) @MaxLength(1024) body!: string;
  @Field(() => String, { nullable: true, description: 'The approved WhatsApp template with the same placeholders in the same order; null: none.' })
  @IsOptional() @IsString() @MaxLength(512) whatsappName?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you saw; a stale one answers VERSION_CONFLICT. Omitted: create or overwrite.' })
  @IsOptional() @IsInt() @Min(1) version?: number | null;
}

@ObjectType('ChannelTemplate', { description: 'What citizens are told, per key and language (admins edit).' })
export class ChannelTemplateModel {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() language!: string;
  @Field() body!: string;
  @Field(() => String, { nullable: true }) whatsappName!: string | null;
  @Field(() => Int) version!: number;
  @Field() updatedBy!: string;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType({ description: 'The reply is queued; the dispatcher sends it (its status follows on the message).' })
export class ConversationReplyQueued {
  @Field(() => ChannelConversationModel) conversation!: ChannelConversationModel;
  @Field(() => ID) messageId!: string;
  @Field(() => String, { nullable: true, description: 'The approved template it goes as, when not free text.' }) templateName!: string | null;
  @Field({ description: 'True for a retried idempotency key: nothing new was queued.' }) replayed!: boolean;
}

@ObjectType({ description: 'The conversation is linked to the ticket; the citizen is told its number.' })
export class ConversationTicketLinked {
  @Field(() => ChannelConversationModel) conversation!: ChannelConversationModel;
  @Field(() => ID) ticketId!: string;
  @Field() ticketNumber!: string;
  @Field({ description: 'False when the ticket existed (attached, or a retry).' }) created!: boolean;
}

@ObjectType({ description: 'Recorded as an answered information request; the answer is queued and the conversation closed.' })
export class ConversationAnswered {
  @Field(() => ChannelConversationModel) conversation!: ChannelConversationModel;
  @Field(() => ID) ticketId!: string;
  @Field() ticketNumber!: string;
  @Field(() => ID) messageId!: string;
}

@ObjectType({ description: 'Only the call taker holding the conversation may answer it: claim it first.' })
export class ConversationNotHeld {
  @Field(() => ID) conversationId!: string;
  @Field(() => String, { nullable: true }) claimedBy!: string | null;
}

@ObjectType({ description: "Outside WhatsApp's 24-hour window free text cannot be sent: choose one of the approved templates." })
export class CustomerWindowClosed {
  @Field(() => ID) conversationId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastInboundAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => [String], { description: 'Template keys with an approved WhatsApp template' }) templateKeys!: string[];
}

@ObjectType({ description: 'The conversation is linked to a ticket already.' })
export class ConversationAlreadyLinked {
  @Field(() => ID) conversationId!: string;
  @Field(() => ID) ticketId!: string;
}

@ObjectType('ChannelTicketNotFound')
export class ChannelTicketNotFound {
  @Field(() => ID) ticketId!: string;
}

@ObjectType({ description: 'The input breaks a rule; every problem is listed.' })
export class InvalidChannelInput {
  @Field() message!: string;
  @Field(() => [String]) problems!: string[];
}

const byClass = (value: object): (new () => object) => value.constructor as new () => object;

export const ReplyToConversationResult = createUnionType({
  name: 'ReplyToConversationResult',
  types: () => [ConversationReplyQueued, ConversationNotHeld, CustomerWindowClosed, ConversationNotFound, InvalidChannelInput] as const,
  resolveType: byClass,
});

export const ConversationTicketResult = createUnionType({
  name: 'ConversationTicketResult',
  types: () => [ConversationTicketLinked, ConversationNotHeld, ConversationAlreadyLinked, ConversationNotFound, ChannelTicketNotFound, InvalidChannelInput] as const,
  resolveType: byClass,
});

export const AnswerConversationResult = createUnionType({
  name: 'AnswerConversationResult',
  types: () => [ConversationAnswered, ConversationNotHeld, CustomerWindowClosed, ConversationAlreadyLinked, ConversationNotFound, InvalidChannelInput] as const,
  resolveType: byClass,
});

type Failure = ConversationNotHeld | CustomerWindowClosed | ConversationAlreadyLinked | ConversationNotFound | ChannelTicketNotFound | InvalidChannelInput;

/** The only place an outbound command's ChannelException becomes API data; anything else is rethrown. */
export function toOutboundFailure(error: unknown, conversationId: string): Failure {
  if (!(error instanceof ChannelException)) throw error;
  const d = error.details;
  switch (error.code) {
    case ChannelErrorCode.NOT_YOUR_CLAIM:
      return Object.assign(new ConversationNotHeld(), { conversationId, claimedBy: (d.claimedBy as string | null) ?? null });
    case ChannelErrorCode.WINDOW_CLOSED:
      return Object.assign(new CustomerWindowClosed(), { conversationId, lastInboundAt: d.lastInboundAt ?? null, closedAt: d.closedAt ?? null, templateKeys: d.templates as string[] });
    case ChannelErrorCode.ALREADY_LINKED:
      return Object.assign(new ConversationAlreadyLinked(), { conversationId, ticketId: d.ticketId as string });
    case ChannelErrorCode.NOT_FOUND:
      return Object.assign(new ConversationNotFound(), { conversationId });
    case ChannelErrorCode.TICKET_NOT_FOUND:
      return Object.assign(new ChannelTicketNotFound(), { ticketId: d.ticketId as string });
    case ChannelErrorCode.INVALID_INPUT:
      return Object.assign(new InvalidChannelInput(), { message: error.message, problems: (d.problems as string[]) ?? [error.message] });
    default:
      throw error;
  }
}
