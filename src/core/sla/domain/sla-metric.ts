import { OPD_SLA_METRICS } from '../../opd';
import { TicketState } from '../../ticket';

/**
 * Points in a ticket's life a clock can start or stop at, in the order a
 * ticket normally reaches them. A clock stops at its stop milestone or at any
 * later one (a ticket resolved without a site visit no longer waits to be on site).
 */
export const MILESTONES = ['REPORTED', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'ON_SITE', 'RESOLVED'] as const;
export type Milestone = (typeof MILESTONES)[number];

export const milestoneRank = (m: Milestone): number => MILESTONES.indexOf(m);

/** The clocks the engine knows. TRIAGE is the call centre's; the rest are the OPD's (their contract's list). */
export const SLA_METRICS = ['TRIAGE', ...OPD_SLA_METRICS] as const;
export type SlaMetricCode = (typeof SLA_METRICS)[number];

/** Where each metric starts and stops unless a policy says otherwise. */
export const METRIC_DEFAULTS: Readonly<Record<SlaMetricCode, { start: Milestone; stop: Milestone }>> = {
  TRIAGE: { start: 'REPORTED', stop: 'TRIAGED' },
  ACKNOWLEDGE: { start: 'DISPATCHED', stop: 'ACKNOWLEDGED' },
  // The programme's promise counts from the report, not from dispatch.
  ON_SITE: { start: 'REPORTED', stop: 'ON_SITE' },
  RESOLVE: { start: 'DISPATCHED', stop: 'RESOLVED' },
};

/**
 * One clock of a policy.
 *
 * @example
 * const onSite: MetricDefinition = {
 *   metric: 'ON_SITE', start: 'REPORTED', stop: 'ON_SITE', pauseStates: [],
 *   calendar: '24x7', targetMinutes: 120, warnings: [0.5, 0.75, 0.9],
 * };
 */
export interface MetricDefinition {
  readonly metric: SlaMetricCode;
  readonly start: Milestone;
  readonly stop: Milestone;
  /** Ticket states in which the clock does not run (ON_HOLD by default). */
  readonly pauseStates: readonly TicketState[];
  /** A calendar code: '24x7', 'WORKING_DAYS' or an admin's own. */
  readonly calendar: string;
  readonly targetMinutes: number;
  /** Fractions of the target (0 < f < 1) at which a warning fires; the breach (1) always fires. */
  readonly warnings: readonly number[];
}

/** A metric as resolved for one ticket: which policy version it came from. */
export interface ResolvedMetric extends MetricDefinition {
  readonly policyId: string;
  readonly policyVersion: number;
}

/**
 * States in which no clock runs whatever the policy says: the work is done
 * (a reopen starts it again) or the ticket left the workflow.
 */
export const STOPPED_WORK_STATES: ReadonlySet<TicketState> = new Set([
  TicketState.RESOLVED,
  TicketState.CLOSED,
  TicketState.ANSWERED,
  TicketState.REJECTED,
  TicketState.DUPLICATE,
]);

/** Leaving the workflow cancels clocks that had not stopped. */
export const CANCELLING_STATES: ReadonlySet<TicketState> = new Set([
  TicketState.ANSWERED,
  TicketState.REJECTED,
  TicketState.DUPLICATE,
]);

/** Threshold keys are whole percentages, so a record's key survives policy edits. */
export const BREACH_PCT = 100;
export const fractionToPct = (f: number): number => Math.round(f * 100);
