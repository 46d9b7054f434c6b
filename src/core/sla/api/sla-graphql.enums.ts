import { registerEnumType } from '@nestjs/graphql';

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

export enum SlaMetric {
  TRIAGE = 'TRIAGE',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ON_SITE = 'ON_SITE',
  RESOLVE = 'RESOLVE',
}

export enum SlaMilestone {
  REPORTED = 'REPORTED',
  TRIAGED = 'TRIAGED',
  DISPATCHED = 'DISPATCHED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ON_SITE = 'ON_SITE',
  RESOLVED = 'RESOLVED',
}

registerEnumType(SlaClockState, { name: 'SlaClockState' });
registerEnumType(SlaMetric, { name: 'SlaMetric' });
registerEnumType(SlaMilestone, { name: 'SlaMilestone', description: 'Points in a ticket\'s life a clock starts or stops at.' });
