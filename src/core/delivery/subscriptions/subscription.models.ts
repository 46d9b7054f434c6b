import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SlaMetric } from '../../sla';
import { TicketKind, TicketState } from '../../ticket';

@ObjectType('TicketEventNotice', { description: 'A committed ticket event, pushed to subscribers in commit order.' })
export class TicketEventNoticeModel {
  @Field({ description: 'Resume after this event: pass it as `after` when resubscribing.' }) cursor!: string;
  @Field(() => ID, { description: 'The outbox message id: the same id a webhook carries as webhook-id.' }) messageId!: string;
  @Field(() => ID) eventId!: string;
  @Field(() => ID) ticketId!: string;
  @Field() number!: string;
  @Field({ description: 'The event type: a lifecycle command (DISPATCH, ARRIVE_ON_SITE, …), TICKET_CREATED or DUPLICATE_MERGED.' }) type!: string;
  @Field(() => TicketState, { nullable: true }) fromState!: TicketState | null;
  @Field(() => TicketState) toState!: TicketState;
  @Field(() => Int, { description: 'The ticket\'s version after this event.' }) version!: number;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  /** The reach of the subscriber, for the `ticket` field's re-read. */
  scope!: string | null;
}

@InputType('TicketEventsFilter', { description: 'All given conditions must hold; a list matches any of its values.' })
export class TicketEventsFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() ticketId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(48) opdCode?: string | null;
  @Field(() => [TicketKind], { nullable: true }) @IsOptional() @ArrayMaxSize(3) @IsEnum(TicketKind, { each: true }) kinds?: TicketKind[] | null;
  @Field(() => [String], { nullable: true, description: 'Event types, e.g. DISPATCH, TICKET_CREATED.' })
  @IsOptional() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(40, { each: true }) types?: string[] | null;
}

@ObjectType('EscalationNotice', { description: 'An SLA warning or breach as it is recorded, pushed in commit order.' })
export class EscalationNoticeModel {
  @Field({ description: 'Resume after this escalation: pass it as `after` when resubscribing.' }) cursor!: string;
  @Field(() => ID) messageId!: string;
  @Field(() => ID) escalationId!: string;
  @Field(() => ID) ticketId!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => Int) cycle!: number;
  @Field(() => Int, { description: 'Percent of the target reached: 100 is the breach.' }) thresholdPct!: number;
  @Field() breached!: boolean;
  @Field(() => Int, { description: 'The escalation ladder\'s rung (0: below the first rung).' }) level!: number;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@InputType('EscalationsRaisedFilter')
export class EscalationRaisedFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(48) opdCode?: string | null;
  @Field(() => [TicketKind], { nullable: true }) @IsOptional() @ArrayMaxSize(3) @IsEnum(TicketKind, { each: true }) kinds?: TicketKind[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only breaches, not warnings.' }) @IsOptional() @IsBoolean() breachedOnly?: boolean | null;
}
