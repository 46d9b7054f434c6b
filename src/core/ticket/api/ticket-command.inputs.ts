import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsLatitude, IsLongitude, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NoteVisibility, TicketKind, TicketPriority } from '../domain/ticket.enums';
import { MAX_ATTACHMENTS_PER_COMMAND } from '../application/ticket-attachment.binder';
import { AttachmentIds, AttributeAnswerInput, CODE, TicketRefInput } from './ticket.inputs';

const TEXT = 4000;

@InputType()
export class TriageTicketInput extends TicketRefInput {
  @Field(() => TicketKind) @IsEnum(TicketKind) kind!: TicketKind;
  @Field() @Matches(CODE, { message: 'categoryCode must be an upper-case code' }) categoryCode!: string;
  @Field(() => String, { nullable: true, description: 'Optional: the category decides the OPD; a different one is refused' })
  @IsOptional() @Matches(CODE, { message: 'opdCode must be an upper-case code' }) opdCode?: string | null;
  @Field(() => TicketPriority, { nullable: true }) @IsOptional() @IsEnum(TicketPriority) priority?: TicketPriority | null;
  @Field(() => Boolean, { nullable: true, description: 'Default: true for emergencies' }) @IsOptional() @IsBoolean() fieldResponse?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(32) district?: string | null;
  @Field(() => [AttributeAnswerInput], { nullable: true, description: "Answers to the category's questions; they win over the intake's" })
  @IsOptional() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AttributeAnswerInput) attributes?: AttributeAnswerInput[] | null;
}

@InputType()
export class DispatchTicketInput extends TicketRefInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) assignedUnit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) note?: string | null;
}

@InputType()
export class OptionalNoteInput extends TicketRefInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) note?: string | null;
}

@InputType()
export class DepartTicketInput extends TicketRefInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) unit?: string | null;
}

@InputType()
export class ArriveOnSiteInput extends TicketRefInput {
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
  @Field(() => String, { nullable: true, description: 'A photo of the scene, as proof of presence' })
  @IsOptional() @IsUrl({ protocols: ['https', 'http'], require_protocol: true }) photoUrl?: string | null;
  @AttachmentIds() attachmentIds?: string[] | null;
}

@InputType()
export class RequiredNoteInput extends TicketRefInput {
  @Field() @IsString() @Length(1, TEXT) note!: string;
  @AttachmentIds() attachmentIds?: string[] | null;
}

@InputType()
export class ReasonInput extends TicketRefInput {
  @Field() @IsString() @Length(1, TEXT) reason!: string;
}

@InputType()
export class AnswerTicketInput extends TicketRefInput {
  @Field() @IsString() @Length(1, TEXT) answer!: string;
}

@InputType()
export class MarkDuplicateInput extends TicketRefInput {
  @Field(() => ID, { description: 'The surviving ticket' }) @IsUUID('all') duplicateOfId!: string;
}

@InputType()
export class AddNoteInput extends TicketRefInput {
  @Field() @IsString() @Length(1, TEXT) text!: string;
  @Field(() => NoteVisibility, { defaultValue: NoteVisibility.INTERNAL }) @IsEnum(NoteVisibility) visibility!: NoteVisibility;
  @AttachmentIds() attachmentIds?: string[] | null;
}

@InputType()
export class AddAttachmentInput extends TicketRefInput {
  @Field(() => [ID], { description: 'Ids returned by POST /attachments (your own uploads, not yet attached)' })
  @ArrayMinSize(1) @ArrayMaxSize(MAX_ATTACHMENTS_PER_COMMAND) @IsUUID('all', { each: true, message: 'attachmentIds must be ids returned by POST /attachments' })
  attachmentIds!: string[];
  @Field(() => String, { nullable: true, description: 'What the files show' }) @IsOptional() @IsString() @MaxLength(500) caption?: string | null;
}

@InputType()
export class ReassignTicketInput extends TicketRefInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) assignedUnit?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) assignedOfficer?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(TEXT) note?: string | null;
}
