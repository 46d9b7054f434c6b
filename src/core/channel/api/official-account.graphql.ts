import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { ChannelPlatform } from '../domain/channel.enums';
import type { OfficialAccount } from '../domain/official-account.entity';

registerEnumType(ChannelPlatform, { name: 'ChannelPlatform', description: 'Platforms of the official accounts (the decree list).' });

@ObjectType('OfficialAccount', { description: "One of the regency's official social-media accounts. Its secrets are configuration and never shown." })
export class OfficialAccountModel {
  @Field(() => ID) id!: string;
  @Field(() => ChannelPlatform) platform!: ChannelPlatform;
  @Field({ description: "The platform's id: WhatsApp phone_number_id, Page id, Instagram account id, Telegram bot id." }) accountId!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true, description: 'The decree (Keputusan Bupati) listing the account.' }) decreeRef!: string | null;
  @Field({ description: 'Inactive: its webhooks are refused (answered 200, nothing stored, counted).' }) active!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@InputType()
export class RegisterOfficialAccountInput {
  @Field(() => ChannelPlatform) @IsEnum(ChannelPlatform) platform!: ChannelPlatform;
  @Field() @IsString() @MinLength(1) @MaxLength(40) accountId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(120) displayName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) decreeRef?: string | null;
}

@InputType()
export class UpdateOfficialAccountInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int, { description: 'The version you saw; a stale one answers VERSION_CONFLICT.' }) @IsInt() @Min(1) version!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) displayName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) decreeRef?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}

export function toOfficialAccountModel(a: OfficialAccount): OfficialAccountModel {
  const { id, platform, accountId, displayName, decreeRef, active, version, createdBy, createdAt, updatedAt } = a;
  return { id, platform, accountId, displayName, decreeRef, active, version, createdBy, createdAt, updatedAt };
}
