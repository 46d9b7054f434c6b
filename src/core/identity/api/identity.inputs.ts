import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ActorRole } from '../../actor';

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
const OPD = /^[A-Z][A-Z0-9_-]{1,47}$/;

@InputType()
export class LoginInput {
  @Field() @Matches(USERNAME, { message: 'username: 3-64 letters, digits or ._-' }) username!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(256) password!: string;
}

@InputType()
export class SetupFirstAdminInput {
  @Field({ description: 'The one-time secret printed at first boot' }) @IsString() @MaxLength(128) secret!: string;
  @Field() @Matches(USERNAME, { message: 'username: 3-64 letters, digits or ._-' }) username!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @Field() @IsString() @MaxLength(256) password!: string;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field() @IsString() @MaxLength(256) currentPassword!: string;
  @Field() @IsString() @MaxLength(256) newPassword!: string;
}

@InputType()
export class CreateStaffUserInput {
  @Field() @Matches(USERNAME, { message: 'username: 3-64 letters, digits or ._-' }) username!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @Field(() => ActorRole) @IsEnum(ActorRole) role!: ActorRole;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(OPD, { message: 'opdCode must be an OPD code' }) opdCode?: string | null;
  @Field(() => [String], { nullable: true, description: 'Languages spoken (BCP 47 tags, e.g. id, en, ja). Left out: ["id"] for a call taker, none for other roles; a call taker needs at least one.' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) languages?: string[];
}

@InputType()
export class UpdateStaffUserInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(120) displayName?: string;
  @Field(() => ActorRole, { nullable: true }) @IsOptional() @IsEnum(ActorRole) role?: ActorRole;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(OPD, { message: 'opdCode must be an OPD code' }) opdCode?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) languages?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class CreateApiKeyInput {
  @Field() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @Field() @Matches(OPD, { message: 'opdCode must be an OPD code' }) opdCode!: string;
  @Field(() => [String], { description: 'Operations, e.g. Query.tickets, Mutation.acknowledgeTicket' })
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) permissions!: string[];
}

@InputType()
export class ReporterAccessFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ticketId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(80) actorId?: string;
  // Optional, not a GraphQL default: an absent filter reaches the resolver as an empty object.
  @Field(() => Int, { nullable: true, description: 'Default 100, at most 500' }) @IsOptional() @IsInt() @Min(1) @Max(500) first?: number;
}
