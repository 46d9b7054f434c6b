import { createUnionType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { TicketKind, TicketState } from '../../ticket';

@ObjectType('CallerFlag', { description: 'A supervisor marked this number as a repeated prank or hoax caller. It informs; it never blocks a report.' })
export class CallerFlagModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'E.164' }) phone!: string;
  @Field() reason!: string;
  @Field() flaggedBy!: string;
  @Field(() => GraphQLISODateTime) flaggedAt!: Date;
  @Field(() => String, { nullable: true }) clearedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) clearedAt!: Date | null;
  @Field(() => String, { nullable: true }) clearReason!: string | null;
  @Field({ description: 'Not cleared yet.' }) active!: boolean;
}

@ObjectType('CallerTicket', { description: 'An earlier ticket of the caller.' })
export class CallerTicketModel {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => TicketState) state!: TicketState;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => GraphQLISODateTime) reportedAt!: Date;
}

/** Tickets now; conversations join as a second member, so clients already branch on __typename. */
export const CallerHistoryEntry = createUnionType({
  name: 'CallerHistoryEntry',
  description: "One earlier contact of the caller. Today only tickets; more kinds (conversations) will join: branch on __typename and skip the unknown.",
  types: () => [CallerTicketModel] as const,
  resolveType: () => CallerTicketModel,
});

@ObjectType('CallerHistory', { description: 'What the call centre knows of a caller, by phone number.' })
export class CallerHistoryModel {
  @Field({ description: 'The number as stored (E.164).' }) phone!: string;
  @Field(() => CallerFlagModel, { nullable: true, description: 'The active prank/hoax flag, if any.' }) flag!: CallerFlagModel | null;
  @Field(() => [CallerFlagModel], { description: 'Every flag of the number, cleared ones too, newest first.' }) flags!: CallerFlagModel[];
  @Field(() => [CallerHistoryEntry], { description: 'Earlier contacts, newest first (at most `limit`).' }) history!: Array<typeof CallerHistoryEntry>;
  @Field(() => Int, { description: 'Every ticket reported from this number.' }) ticketCount!: number;
}

@InputType()
export class CallerFlagInput {
  @Field({ description: 'Any common notation; without a country code: Indonesia.' }) @IsString() @MaxLength(32) phone!: string;
  @Field({ description: 'Why (3-500 characters): kept in the flag history.' }) @IsString() @MaxLength(500) reason!: string;
}

@InputType()
export class UnflagCallerInput {
  @Field() @IsString() @MaxLength(32) phone!: string;
  @Field({ description: 'Why the flag is cleared (3-500 characters).' }) @IsString() @MaxLength(500) reason!: string;
}
