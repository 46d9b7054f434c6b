import { MAX_ATTACHMENTS_PER_COMMAND } from '../application/ticket-attachment.binder';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEmail,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SocialPlatform, TicketChannel, TicketKind, TicketPriority } from '../domain/ticket.enums';
import './ticket-graphql.enums';

/** BCP 47, as call takers and tourists' phones produce it (id, en, en-AU, zh-Hans). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Category and OPD codes: upper-case, stable, safe in URLs. */
export const CODE = /^[A-Z][A-Z0-9_-]{1,47}$/;
const CODE_MESSAGE = 'must be an upper-case code such as JALAN_RUSAK';

@InputType()
export class ReporterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Any common notation; stored as E.164. Without a country code: Indonesia.' })
  @IsOptional() @IsString() @MaxLength(32) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, e.g. id, en, ja' })
  @IsOptional() @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag such as id or en' }) language?: string | null;
  @Field(() => String, { nullable: true, description: 'National ID number, 16 digits' })
  @IsOptional() @IsString() @MaxLength(32) nik?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Hide the identity from the OPDs' }) @IsOptional() @IsBoolean() anonymous?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Keep the report off public channels' }) @IsOptional() @IsBoolean() confidential?: boolean | null;
}

@InputType()
export class LocationInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) address?: string | null;
  @Field(() => String, { nullable: true, description: 'District code, e.g. KINTAMANI (see the districts query)' })
  @IsOptional() @IsString() @MaxLength(32) district?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) village?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) landmark?: string | null;
}

/**
 * Uploads (POST /attachments) to bind to the ticket with a command: the
 * actor's own, not yet attached; bound with the command or not at all.
 *
 * @example
 * @AttachmentIds() attachmentIds?: string[] | null;
 */
export const AttachmentIds = (): PropertyDecorator =>
  applyDecorators(
    Field(() => [ID], { nullable: true, description: 'Ids returned by POST /attachments (your own uploads, not yet attached); bound with the command or not at all' }),
    IsOptional(),
    ArrayMaxSize(MAX_ATTACHMENTS_PER_COMMAND),
    IsUUID('all', { each: true, message: 'attachmentIds must be ids returned by POST /attachments' }),
  );

@InputType()
export class AttachmentInput {
  @Field() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) @MaxLength(2000) url!: string;
  @Field() @Matches(/^[a-z]+\/[a-z0-9.+-]+$/i, { message: 'mediaType must be a MIME type such as image/jpeg' }) mediaType!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(500 * 1024 * 1024) sizeBytes?: number | null;
}

@InputType({ description: "An answer to one of the category's questions (Open311 attribute[CODE])." })
export class AttributeAnswerInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_]{0,47}$/, { message: 'attribute code must be upper-case, e.g. PEOPLE_TRAPPED' }) code!: string;
  @Field(() => [String], { description: 'One value, or several for a multivaluelist' })
  @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(4000, { each: true }) values!: string[];
}

/** GraphQL's list of answers as the record the domain checks. */
export function toAnswers(list: readonly AttributeAnswerInput[] | null | undefined): Record<string, string[]> {
  return Object.fromEntries((list ?? []).map((a) => [a.code, a.values]));
}

@InputType({ description: 'A new report, as the call taker records it.' })
export class CreateTicketInput {
  @Field(() => TicketKind) @IsEnum(TicketKind) kind!: TicketKind;
  @Field(() => TicketPriority, { nullable: true, description: 'Default: URGENT for emergencies, NORMAL otherwise' })
  @IsOptional() @IsEnum(TicketPriority) priority?: TicketPriority | null;
  @Field(() => TicketChannel) @IsEnum(TicketChannel) channel!: TicketChannel;
  @Field(() => SocialPlatform, { nullable: true }) @IsOptional() @IsEnum(SocialPlatform) channelPlatform?: SocialPlatform | null;
  @Field(() => String, { nullable: true, description: 'The official account or line it came in on' })
  @IsOptional() @IsString() @MaxLength(120) channelAccount?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) channelReference?: string | null;
  @Field(() => ReporterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ReporterInput) reporter?: ReporterInput | null;
  @Field(() => LocationInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocationInput) location?: LocationInput | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE, { message: `categoryCode ${CODE_MESSAGE}` }) categoryCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE, { message: `opdCode ${CODE_MESSAGE}` }) opdCode?: string | null;
  @Field({ description: "In the reporter's own words (at most 4,000 characters)" })
  @IsString() @Length(1, 4000) description!: string;
  @Field({ description: 'BCP 47 tag of the description, e.g. id' })
  @Matches(LANGUAGE_TAG, { message: 'descriptionLanguage must be a BCP 47 tag such as id or en' }) descriptionLanguage!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) translation?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(LANGUAGE_TAG, { message: 'translationLanguage must be a BCP 47 tag' }) translationLanguage?: string | null;
  @Field(() => [AttachmentInput], { nullable: true })
  @IsOptional() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentInput) attachments?: AttachmentInput[] | null;
  @AttachmentIds() attachmentIds?: string[] | null;
  @Field(() => [String], { nullable: true })
  @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(40, { each: true }) tags?: string[] | null;
  @Field(() => [AttributeAnswerInput], { nullable: true, description: "Answers to the category's questions (needs categoryCode)" })
  @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AttributeAnswerInput) attributes?: AttributeAnswerInput[] | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the citizen reported (default: now); starts the SLA clocks' })
  @IsOptional() @IsDate() reportedAt?: Date | null;
}

@InputType({ description: 'An information request and its answer, recorded in one call.' })
export class RecordInformationRequestInput extends CreateTicketInput {
  @Field() @IsString() @Length(1, 4000) answer!: string;
}

/** Which ticket, and the version the client saw. */
@InputType({ isAbstract: true })
export class TicketRefInput {
  @Field(() => ID) @IsUUID('all', { message: 'ticketId must be a ticket id (UUID)' }) ticketId!: string;
  @Field(() => Int, { description: 'The version you saw; a newer one gives VersionConflict' })
  @IsInt() @Min(1) expectedVersion!: number;
}
