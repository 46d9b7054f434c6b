import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { SlaBoard } from '../application/sla-board';
import { SlaClockState, SlaMetric } from './sla-graphql.enums';

@ObjectType('SlaBoardEntry', { description: 'A running clock of an open emergency, or a breached clock that still runs.' })
export class SlaBoardEntryModel {
  @Field(() => ID) ticketId!: string;
  @Field(() => String, { nullable: true }) number!: string | null;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field({ description: 'INFORMATION, COMPLAINT or EMERGENCY.' }) kind!: string;
  @Field(() => SlaMetric) metric!: SlaMetric;
  @Field(() => SlaClockState) state!: SlaClockState;
  @Field(() => GraphQLISODateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds to the due time as of `asOf` (negative once overdue); null while paused.' })
  remainingSeconds!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) breachedAt!: Date | null;
}

@ObjectType('SlaBoard', { description: 'The supervisors\' wall screen: what breaches next, and what already has. At most 500 clocks, soonest due first.' })
export class SlaBoardModel {
  @Field(() => GraphQLISODateTime) asOf!: Date;
  @Field(() => Int, { description: 'Entries that have breached.' }) breached!: number;
  @Field(() => [SlaBoardEntryModel]) entries!: SlaBoardEntryModel[];
}

export function toSlaBoardModel(board: SlaBoard): SlaBoardModel {
  return {
    asOf: board.asOf,
    breached: board.entries.filter((e) => e.breachedAt !== null).length,
    entries: board.entries.map((e) => ({ ...e, state: e.status as SlaClockState, metric: e.metric })),
  };
}
