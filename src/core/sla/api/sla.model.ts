import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { TicketState } from '../../ticket';
import { SlaClockState, SlaMetric, SlaMilestone } from './sla-graphql.enums';

@ObjectType('SlaClock', { description: 'One SLA clock of a ticket, as of the query.' })
export class SlaClockModel {
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => SlaClockState) state!: SlaClockState;
  @Field(() => Int) targetMinutes!: number;
  @Field({ description: 'Calendar code: 24x7, WORKING_DAYS, …' }) calendar!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the target is reached on the present course; null while paused or pending.' })
  dueAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Business minutes left (negative once overdue); null while pending.' })
  remainingMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Business time used, in percent of the target.' })
  percentElapsed!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stopped (met, breached) or was cancelled.' })
  stoppedAt!: Date | null;
  @Field(() => Int, { description: 'Counts re-dispatches: a return to the call centre starts the OPD clocks over.' }) cycle!: number;
  @Field(() => ID, { nullable: true }) policyId!: string | null;
  @Field(() => Int, { nullable: true }) policyVersion!: number | null;
}

@ObjectType('SlaMetricDefinition')
export class SlaMetricDefinitionModel {
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => SlaMilestone) start!: SlaMilestone;
  @Field(() => SlaMilestone) stop!: SlaMilestone;
  @Field(() => [TicketState]) pauseStates!: TicketState[];
  @Field() calendar!: string;
  @Field(() => Int) targetMinutes!: number;
  @Field(() => [Float], { description: 'Fractions of the target at which a warning fires; the breach always fires.' }) warnings!: number[];
}

@ObjectType('SlaPolicyVersion')
export class SlaPolicyVersionModel {
  @Field(() => Int) version!: number;
  @Field(() => GraphQLISODateTime) effectiveFrom!: Date;
  @Field() active!: boolean;
  @Field(() => [SlaMetricDefinitionModel]) metrics!: SlaMetricDefinitionModel[];
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() createdBy!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('SlaPolicy', { description: 'Which tickets a policy is for, and its versions (newest last).' })
export class SlaPolicyModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => String, { nullable: true }) priority!: string | null;
  @Field({ description: 'CORE, MODULE or ADMIN; an admin change takes a policy over from code.' }) source!: string;
  @Field(() => Int, { description: 'The newest version; send it back as expectedVersion.' }) version!: number;
  @Field(() => [SlaPolicyVersionModel]) versions!: SlaPolicyVersionModel[];
}

@ObjectType('WeeklyHoursEntry', { description: 'Open hours of one weekday, local time.' })
export class WeeklyHoursEntryModel {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday!: number;
  @Field({ description: 'HH:MM' }) open!: string;
  @Field({ description: 'HH:MM (24:00 for midnight)' }) close!: string;
}

@ObjectType('CalendarHours')
export class CalendarHoursModel {
  @Field({ description: 'YYYY-MM-DD, local' }) effectiveFrom!: string;
  @Field(() => [WeeklyHoursEntryModel]) weekly!: WeeklyHoursEntryModel[];
}

@ObjectType('Holiday')
export class HolidayModel {
  @Field({ description: 'YYYY-MM-DD, local' }) date!: string;
  @Field() name!: string;
  @Field({ description: 'NATIONAL (seeded) or ADMIN' }) source!: string;
  @Field({ description: 'False once removed by an admin (the yearly seed does not bring it back).' }) active!: boolean;
}

@ObjectType('SlaCalendar')
export class SlaCalendarModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field() timeZone!: string;
  @Field() alwaysOpen!: boolean;
  @Field(() => [CalendarHoursModel]) hours!: CalendarHoursModel[];
  @Field(() => [HolidayModel]) holidays!: HolidayModel[];
  @Field(() => Int) version!: number;
}

@ObjectType('SlaEscalation', { description: 'A warning or breach of one clock, and who was told.' })
export class SlaEscalationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) ticketId!: string;
  @Field() ticketNumber!: string;
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => Int) cycle!: number;
  @Field(() => Int, { description: 'Percent of the target; 100 is the breach.' }) thresholdPct!: number;
  @Field() breach!: boolean;
  @Field(() => Int, { description: 'The rung of the OPD\'s escalation ladder followed.' }) level!: number;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => GraphQLJSON, { description: 'Who was told: [{ kind, role? }]' }) notified!: unknown;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedBy!: string | null;
}

@ObjectType('SlaMetricCompliance')
export class SlaMetricComplianceModel {
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => Int, { description: 'Clocks that started for tickets reported in the period.' }) total!: number;
  @Field(() => Int) met!: number;
  @Field(() => Int, { description: 'Stopped late, or still running past due.' }) breached!: number;
  @Field(() => Int, { description: 'Still running or paused, not yet due.' }) open!: number;
  @Field(() => Float, { nullable: true, description: 'Of met and breached clocks: business minutes to stop.' }) medianMinutes!: number | null;
  @Field(() => Float, { nullable: true }) p90Minutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'met / (met + breached), in percent.' }) compliancePercent!: number | null;
}

@ObjectType('SlaOpdCompliance', { description: 'One OPD\'s figures per clock in the report\'s period.' })
export class SlaOpdComplianceModel {
  @Field() opdCode!: string;
  @Field(() => [SlaMetricComplianceModel]) metrics!: SlaMetricComplianceModel[];
}

@ObjectType('SlaCompliance')
export class SlaComplianceModel {
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => [SlaMetricComplianceModel]) metrics!: SlaMetricComplianceModel[];
}
