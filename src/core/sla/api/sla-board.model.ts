import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { TicketState } from '../../ticket';
import type { SlaBoard } from '../application/sla-board';
import { SlaClockState, SlaMetric } from './sla-graphql.enums';
import { toSlaClockModel } from './sla.mapper';
import { SlaClockModel } from './sla.model';

@ObjectType('SlaBoardEntry', { description: 'A running clock of an open emergency, or a breached clock that still runs.' })
export class SlaBoardEntryModel {
  @Field(() => ID) ticketId!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field({ description: 'INFORMATION, COMPLAINT or EMERGENCY.' }) kind!: string;
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => SlaClockState) state!: SlaClockState;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds to the due time as of `asOf` (negative once overdue); null while paused.' })
  remainingSeconds!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt!: Date | null;
  @Field(() => Int, { description: 'The target, in business minutes of the clock\'s calendar.' }) targetMinutes!: number;
  @Field(() => Float, { nullable: true, description: 'Business time used as of `asOf`, in percent of the target (over 100 once breached).' })
  percentElapsed!: number | null;
  @Field(() => Float, { nullable: true, description: 'Business minutes left as of `asOf` (negative once overdue).' })
  remainingMinutes!: number | null;
}

@ObjectType('SlaBoardEmergency', { description: 'An open emergency (not yet resolved) with all its clocks, stopped ones included.' })
export class SlaBoardEmergencyModel {
  @Field(() => ID) ticketId!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field() priority!: string;
  @Field(() => TicketState, { description: 'The ticket\'s state after its last event.' }) state!: TicketState;
  @Field(() => GraphQLISODateTime) reportedAt!: Date;
  @Field(() => [SlaClockModel], { description: 'Every clock, as of `asOf`.' }) clocks!: SlaClockModel[];
  @Field(() => Float, {
    nullable: true,
    description: 'The highest percent elapsed of its running or paused clocks; null when none runs (all met, or none started).',
  })
  worstPercentElapsed!: number | null;
  @Field({ description: 'A clock breached (running past due, or stopped late).' }) breached!: boolean;
}

@ObjectType('SlaBoard', { description: 'The supervisors\' wall screen: what breaches next, and what already has. At most 500 clocks, soonest due first.' })
export class SlaBoardModel {
  @Field(() => GraphQLISODateTime) asOf!: Date;
  @Field(() => Int, { description: 'Entries that have breached.' }) breached!: number;
  @Field(() => [SlaBoardEntryModel]) entries!: SlaBoardEntryModel[];
  @Field(() => [SlaBoardEmergencyModel], {
    description: 'Open emergencies (at most 200), the soonest running due time first; one whose clocks all stopped in time stays (met) until resolved.',
  })
  emergencies!: SlaBoardEmergencyModel[];
}

/** The board as of its `asOf`: the business-time figures are computed here, as for `Ticket.sla`. */
export function toSlaBoardModel(board: SlaBoard): SlaBoardModel {
  return {
    asOf: board.asOf,
    breached: board.entries.filter((e) => e.breachedAt !== null).length,
    entries: board.entries.map(({ clock, status, ...e }) => {
      const figures = toSlaClockModel(clock, board.asOf, board.catalog);
      return {
        ...e,
        state: status as SlaClockState,
        metric: e.metric,
        targetMinutes: clock.targetMinutes,
        percentElapsed: figures.percentElapsed,
        remainingMinutes: figures.remainingMinutes,
      };
    }),
    emergencies: board.emergencies.map((emergency) => {
      const clocks = emergency.clocks.map((clock) => toSlaClockModel(clock, board.asOf, board.catalog));
      const counting = clocks.filter((c) => c.state === SlaClockState.RUNNING || c.state === SlaClockState.PAUSED || (c.state === SlaClockState.BREACHED && c.stoppedAt === null));
      const percents = counting.map((c) => c.percentElapsed).filter((p): p is number => p !== null);
      return {
        ...emergency,
        clocks,
        worstPercentElapsed: percents.length ? Math.max(...percents) : null,
        breached: clocks.some((c) => c.state === SlaClockState.BREACHED),
      };
    }),
  };
}
