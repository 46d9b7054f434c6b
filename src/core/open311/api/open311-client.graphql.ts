import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Open311Client } from '../domain/open311-client.entity';

@ObjectType('Open311Client', { description: "A citizens' app allowed to file reports through Open311 (/open311/v2)." })
export class Open311ClientModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Identifies the key (o311_<prefix>_…) and the tickets it filed (createdBy open311:<prefix>); the key itself is never shown again.' })
  prefix!: string;
  @Field(() => Int, { nullable: true, description: 'Requests per minute; null: OPEN311_RATE_LIMIT_PER_MINUTE.' }) rateLimitPerMinute!: number | null;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Within a minute.' }) lastUsedAt!: Date | null;
}

@ObjectType('Open311ClientCreated')
export class Open311ClientCreatedModel {
  @Field(() => Open311ClientModel) client!: Open311ClientModel;
  @Field({ description: 'The api_key for the app, shown only here.' }) apiKey!: string;
}

@InputType()
export class CreateOpen311ClientInput {
  @Field({ description: 'The app, e.g. FixMyStreet Bangli' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @Field(() => Int, { nullable: true, description: 'Requests per minute for this key (default OPEN311_RATE_LIMIT_PER_MINUTE)' })
  @IsOptional() @IsInt() @Min(1) @Max(10_000) rateLimitPerMinute?: number | null;
}

export function toOpen311ClientModel(c: Open311Client): Open311ClientModel {
  const { id, name, prefix, rateLimitPerMinute, createdBy, createdAt, revokedAt, lastUsedAt } = c;
  return { id, name, prefix, rateLimitPerMinute, createdBy, createdAt, revokedAt, lastUsedAt };
}
