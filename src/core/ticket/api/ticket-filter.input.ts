import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { TicketChannel, TicketKind, TicketPriority } from '../domain/ticket.enums';
import { TicketState } from '../lifecycle';
import './ticket-graphql.enums';

@InputType({ description: 'All given conditions must hold; a list matches any of its values.' })
export class TicketFilterInput {
  @Field(() => [TicketState], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @IsEnum(TicketState, { each: true }) states?: TicketState[] | null;
  @Field(() => [TicketKind], { nullable: true }) @IsOptional() @IsEnum(TicketKind, { each: true }) kinds?: TicketKind[] | null;
  @Field(() => [TicketPriority], { nullable: true }) @IsOptional() @IsEnum(TicketPriority, { each: true }) priorities?: TicketPriority[] | null;
  @Field(() => [TicketChannel], { nullable: true }) @IsOptional() @IsEnum(TicketChannel, { each: true }) channels?: TicketChannel[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(48) opdCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(48) categoryCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(32) district?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Reported at or after' }) @IsOptional() @IsDate() reportedFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Reported before' }) @IsOptional() @IsDate() reportedTo?: Date | null;
  @Field(() => String, { nullable: true, description: 'Words to find in number, description, translation or place' })
  @IsOptional() @IsString() @MaxLength(200) text?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: open tickets only (any state that is not final: not CLOSED, ANSWERED, REJECTED or DUPLICATE); false: finished ones only' })
  @IsOptional() @IsBoolean() open?: boolean | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Changed at or after this time. For polling: sort UPDATED_AT_ASC and follow endCursor; start a new poll a few seconds before the last updatedAt seen and skip ids at a version already seen (a change is stamped when it starts, visible when it commits)',
  })
  @IsOptional() @IsDate() updatedSince?: Date | null;
}
