import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TicketKind } from '../domain/ticket.enums';
import { TicketState } from '../lifecycle';
import { CODE } from './ticket.inputs';
import './ticket-graphql.enums';

@InputType({ description: 'A report being taken: give coordinates, or a district and village, or both.' })
export class DuplicateDraftInput {
  @Field(() => String, { nullable: true, description: 'Its radius, time window and related categories apply (OPD module); without it any nearby open ticket may match' })
  @IsOptional() @Matches(CODE, { message: 'categoryCode must be an upper-case code such as JALAN_RUSAK' }) categoryCode?: string | null;
  @Field(() => TicketKind, { nullable: true, description: 'Decides the default time window: 6 h for EMERGENCY, else 48 h' })
  @IsOptional() @IsEnum(TicketKind) kind?: TicketKind | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number | null;
  @Field(() => String, { nullable: true, description: 'District code, e.g. KINTAMANI' }) @IsOptional() @IsString() @MaxLength(32) district?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) village?: string | null;
  @Field(() => String, { nullable: true, description: "In the caller's words; compared by trigram similarity" }) @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now' }) @IsOptional() @IsDate() reportedAt?: Date | null;
}

@ObjectType('DuplicateCandidate', { description: 'An open ticket that may report the same incident.' })
export class DuplicateCandidateModel {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => TicketState) state!: TicketState;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => GraphQLISODateTime) reportedAt!: Date;
  @Field(() => String, { nullable: true }) district!: string | null;
  @Field(() => String, { nullable: true }) village!: string | null;
  @Field(() => Int, { nullable: true, description: 'Null when either has no coordinates.' }) distanceMeters!: number | null;
  @Field(() => Float, { description: '0-1: trigram similarity of the descriptions.' }) textSimilarity!: number;
  @Field(() => Float, { description: '0-1: higher is likelier the same incident.' }) score!: number;
  @Field(() => [String], { description: 'Why, in words: "120 m away", "same category", "40 min ago".' }) reasons!: string[];
}

@ObjectType('DuplicateCandidates')
export class DuplicateCandidatesModel {
  @Field(() => Int, { description: 'The radius searched around the coordinates.' }) radiusMeters!: number;
  @Field(() => Int, { description: 'Reports this many hours before or after the draft.' }) windowHours!: number;
  @Field(() => [DuplicateCandidateModel], { description: 'Best first.' }) candidates!: DuplicateCandidateModel[];
}
