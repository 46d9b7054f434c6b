import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
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
}
