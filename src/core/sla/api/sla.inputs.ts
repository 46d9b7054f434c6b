import { Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { TicketKind, TicketPriority } from '../../ticket';
import { TicketState } from '../../ticket';
import { SlaMetric, SlaMilestone } from './sla-graphql.enums';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,47}$|^24x7$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

@InputType()
export class SlaMetricInput {
  @Field(() => SlaMetric) @IsEnum(SlaMetric) metric!: SlaMetric;
  @Field(() => SlaMilestone, { nullable: true, description: 'Default: the metric\'s usual start' }) @IsOptional() @IsEnum(SlaMilestone) start?: SlaMilestone;
  @Field(() => SlaMilestone, { nullable: true, description: 'Default: the metric\'s usual stop' }) @IsOptional() @IsEnum(SlaMilestone) stop?: SlaMilestone;
  @Field(() => [TicketState], { nullable: true, description: 'Default: ON_HOLD' }) @IsOptional() @IsArray() @IsEnum(TicketState, { each: true }) pauseStates?: TicketState[];
  @Field({ description: 'A calendar code, e.g. 24x7 or WORKING_DAYS' }) @Matches(CODE, { message: 'calendar must be a calendar code' }) calendar!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(525_600) targetMinutes!: number;
  @Field(() => [Float], { nullable: true, description: 'Fractions 0 < f < 1; default 0.5, 0.75, 0.9' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) warnings?: number[];
}

@InputType()
export class CreateSlaPolicyInput {
  @Field() @IsString() @MaxLength(160) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) opdCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) categoryCode?: string | null;
  @Field(() => TicketKind, { nullable: true }) @IsOptional() @IsEnum(TicketKind) kind?: TicketKind | null;
  @Field(() => TicketPriority, { nullable: true }) @IsOptional() @IsEnum(TicketPriority) priority?: TicketPriority | null;
  @Field(() => [SlaMetricInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => SlaMetricInput) metrics!: SlaMetricInput[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default and minimum: one minute from now (every instance must have seen it).' })
  @IsOptional() @IsDate() effectiveFrom?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class ChangeSlaPolicyInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field(() => [SlaMetricInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => SlaMetricInput) metrics!: SlaMetricInput[];
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() effectiveFrom?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class DeactivateSlaPolicyInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() effectiveFrom?: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class ReevaluateSlaInput {
  @Field(() => [ID], { nullable: true, description: 'These tickets; or, without it, every open ticket (of opdCode, if given).' })
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsUUID('all', { each: true }) ticketIds?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) opdCode?: string;
  @Field({ description: 'Recorded in each ticket\'s history.' }) @IsString() @MaxLength(500) @Matches(/\S/, { message: 'reason must not be blank' }) reason!: string;
}

@InputType()
export class WeeklyHoursEntryInput {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) @IsInt() @Min(1) @Max(7) weekday!: number;
  @Field() @Matches(TIME, { message: 'open must be HH:MM' }) open!: string;
  @Field() @Matches(TIME, { message: 'close must be HH:MM (24:00 for midnight)' }) close!: string;
}

@InputType()
export class CalendarHoursInput {
  @Field({ description: 'YYYY-MM-DD, local' }) @Matches(DATE, { message: 'effectiveFrom must be YYYY-MM-DD' }) effectiveFrom!: string;
  @Field(() => [WeeklyHoursEntryInput]) @IsArray() @ArrayMaxSize(70) @ValidateNested({ each: true }) @Type(() => WeeklyHoursEntryInput) weekly!: WeeklyHoursEntryInput[];
}

@InputType()
export class CreateCalendarInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_-]{1,47}$/, { message: 'code must be upper case letters, digits, _ or -' }) code!: string;
  @Field() @IsString() @MaxLength(120) name!: string;
  @Field({ defaultValue: 'Asia/Makassar' }) @IsString() @MaxLength(64) timeZone!: string;
  @Field({ defaultValue: false }) @IsBoolean() alwaysOpen!: boolean;
  @Field(() => [CalendarHoursInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CalendarHoursInput) hours!: CalendarHoursInput[];
  @Field({ defaultValue: true, description: 'Copy the national holidays seeded for WORKING_DAYS.' }) @IsBoolean() nationalHolidays!: boolean;
}

@InputType()
export class SetCalendarHoursInput {
  @Field() @Matches(CODE) code!: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion!: number;
  @Field(() => CalendarHoursInput, { description: 'Replaces the period with the same effectiveFrom, or adds one.' })
  @ValidateNested() @Type(() => CalendarHoursInput) hours!: CalendarHoursInput;
}

@InputType()
export class HolidayInput {
  @Field() @Matches(CODE) code!: string;
  @Field({ description: 'YYYY-MM-DD, local' }) @Matches(DATE, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @Field(() => String, { nullable: true, description: 'Required when adding' }) @IsOptional() @IsString() @MaxLength(120) name?: string;
}

@InputType()
export class EscalationFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) opdCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ticketId?: string;
  @Field(() => SlaMetric, { nullable: true }) @IsOptional() @IsEnum(SlaMetric) metric?: SlaMetric;
  @Field({ nullable: true, description: 'Only breaches (true) or only warnings (false)' }) @IsOptional() @IsBoolean() breach?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() acknowledged?: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() to?: Date;
  // Optional, not a GraphQL default: an absent filter reaches the resolver as an empty object.
  @Field(() => Int, { nullable: true, description: 'Default 50, at most 500' }) @IsOptional() @IsInt() @Min(1) @Max(500) first?: number;
}

@InputType()
export class SlaComplianceInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) opdCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) categoryCode?: string;
  @Field(() => GraphQLISODateTime, { description: 'Tickets reported from (inclusive)' }) @IsDate() from!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Tickets reported until (exclusive)' }) @IsDate() to!: Date;
}

