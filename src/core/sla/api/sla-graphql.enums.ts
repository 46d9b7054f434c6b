import { registerEnumType } from '@nestjs/graphql';
import { MILESTONES, SLA_METRICS, type Milestone, type SlaMetricCode } from '../domain/sla-metric';

/** A clock as a reader sees it at the time of the query. */
export enum SlaClockState {
  /** Its start milestone has not happened yet (e.g. acknowledgement before dispatch). */
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
  /** The ticket left the workflow (rejected, merged, answered) before the clock stopped. */
  CANCELLED = 'CANCELLED',
  /** The ticket's present classification has no such clock. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** An enum object made from the domain's own list, so the API can never name a metric the engine lacks. */
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K };

export const SlaMetric = enumOf(SLA_METRICS);
export type SlaMetric = SlaMetricCode;

export const SlaMilestone = enumOf(MILESTONES);
export type SlaMilestone = Milestone;

registerEnumType(SlaClockState, { name: 'SlaClockState' });
registerEnumType(SlaMetric, { name: 'SlaMetric' });
registerEnumType(SlaMilestone, { name: 'SlaMilestone', description: 'Points in a ticket\'s life a clock starts or stops at.' });
