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
