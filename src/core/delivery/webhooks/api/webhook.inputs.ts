import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WEBHOOK_URL_MAX_LENGTH } from '../domain/webhook-url';
import { WebhookDeliveryStatus, WebhookEvent } from './webhook-graphql.enums';

const OPD = /^[A-Z][A-Z0-9_-]{1,47}$/;

@InputType()
export class CreateWebhookEndpointInput {
  @Field() @Matches(OPD, { message: 'opdCode must be an OPD code' }) opdCode!: string;
  @Field({ description: 'https:// on a public address; at most 2,048 characters, no user:password@.' })
  @IsString() @MaxLength(WEBHOOK_URL_MAX_LENGTH, { message: `url: at most ${WEBHOOK_URL_MAX_LENGTH} characters` }) url!: string;
  @Field(() => [WebhookEvent]) @IsArray() @ArrayMinSize(1, { message: 'events: give at least one' }) @ArrayMaxSize(10) @IsEnum(WebhookEvent, { each: true }) events!: WebhookEvent[];
}

@InputType()
export class WebhookDeliveryFilterInput {
  @Field(() => WebhookDeliveryStatus, { nullable: true }) @IsOptional() @IsEnum(WebhookDeliveryStatus) status?: WebhookDeliveryStatus;
  @Field(() => Int, { nullable: true, description: 'Default 50, at most 200' }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field(() => Int, { nullable: true, description: 'Skip this many (newest first), at most 10,000' }) @IsOptional() @IsInt() @Min(0) @Max(10_000) offset?: number;
}

@InputType()
export class DisableWebhookEndpointInput {
  @Field(() => ID) @IsString() @MaxLength(40) id!: string;
  @Field(() => String, { nullable: true, description: 'Why; shown in webhookEndpoints.' }) @IsOptional() @IsString() @MaxLength(500) reason?: string | null;
}
