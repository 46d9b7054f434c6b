import { isTerminal, TicketState } from '../lifecycle';

/** Tickets whose work can still change: every state the lifecycle does not mark terminal. */
export const OPEN_STATES: readonly TicketState[] = Object.values(TicketState).filter((s) => !isTerminal(s));

/**
 * The open-state condition exactly as the partial indexes of migration
 * caller_lookup spell it: a query must repeat it literally for the planner
 * to use them (a spec checks it against OPEN_STATES).
 */
export const OPEN_STATE_SQL = `"state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RESOLVED', 'RETURNED', 'ON_HOLD')`;

/**
 * What `sla_next_due_at` holds when no clock of the ticket runs: far enough
 * to sort last, inside the dates a cursor may carry (1900-2200).
 */
export const NO_RUNNING_CLOCK = new Date('2199-12-31T00:00:00Z');

/**
 * Open emergencies whose work is not done yet (resolved ones are only
 * waiting to be closed): what the supervisors' SLA board lists.
 */
export const ACTIVE_STATES: readonly TicketState[] = OPEN_STATES.filter((s) => s !== TicketState.RESOLVED);

/**
 * The active-emergency condition exactly as the partial index
 * `ticket_active_emergency_idx` (migration board_emergencies) spells it; a spec
 * checks it against ACTIVE_STATES and the migration.
 */
export const ACTIVE_EMERGENCY_SQL = `"kind" = 'EMERGENCY' and "state" in ('NEW', 'TRIAGED', 'DISPATCHED', 'ACKNOWLEDGED', 'EN_ROUTE', 'ON_SITE', 'RETURNED', 'ON_HOLD')`;
