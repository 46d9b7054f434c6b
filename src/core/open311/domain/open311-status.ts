import { TicketState } from '../../ticket';

/** The spec's two statuses. */
export type Open311Status = 'open' | 'closed';

/**
 * FixMyStreet's extended statuses (lower-case in GET answers, upper-case in
 * POSTed updates), as mySociety's open311-adapter lists them.
 */
export const EXTENDED_STATUSES = [
  'open', 'closed', 'fixed', 'in_progress', 'planned', 'action_scheduled', 'investigating', 'duplicate',
  'not_councils_responsibility', 'no_further_action', 'internal_referral', 'cancelled', 'reopen', 'for_triage',
] as const;
export type ExtendedStatus = (typeof EXTENDED_STATUSES)[number];

/**
 * Closed for the spec means "nothing more will happen unless someone asks":
 * resolved (the citizen may still reopen it, as FixMyStreet's "fixed"),
 * closed, answered, rejected or merged into another report. Held tickets are
 * open: they wait for the reporter.
 */
const CLOSED_STATES: ReadonlySet<TicketState> = new Set([
  TicketState.RESOLVED, TicketState.CLOSED, TicketState.ANSWERED, TicketState.REJECTED, TicketState.DUPLICATE,
]);

/**
 * The spec's status of a lifecycle state.
 *
 * @example
 * open311Status(TicketState.ON_SITE); // 'open'
 * open311Status(TicketState.RESOLVED); // 'closed'
 */
export function open311Status(state: TicketState): Open311Status {
  return CLOSED_STATES.has(state) ? 'closed' : 'open';
}

const EXTENDED: Record<TicketState, ExtendedStatus> = {
  [TicketState.NEW]: 'open',
  [TicketState.TRIAGED]: 'open',
  [TicketState.RETURNED]: 'for_triage',
  [TicketState.DISPATCHED]: 'action_scheduled',
  [TicketState.ACKNOWLEDGED]: 'in_progress',
  [TicketState.EN_ROUTE]: 'in_progress',
  [TicketState.ON_SITE]: 'in_progress',
  [TicketState.ON_HOLD]: 'investigating',
  [TicketState.RESOLVED]: 'fixed',
  [TicketState.CLOSED]: 'closed',
  [TicketState.ANSWERED]: 'closed',
  [TicketState.REJECTED]: 'no_further_action',
  [TicketState.DUPLICATE]: 'duplicate',
};

/**
 * FixMyStreet's extended status of a state reached by an event; a reopen
 * reads as `reopen` whatever state it lands in.
 *
 * @example
 * extendedStatus(TicketState.RESOLVED, 'RESOLVE'); // 'fixed'
 * extendedStatus(TicketState.DISPATCHED, 'REOPEN'); // 'reopen'
 */
export function extendedStatus(state: TicketState, eventType?: string): ExtendedStatus {
  if (eventType === 'REOPEN') return 'reopen';
  return EXTENDED[state];
}

/** What a citizen's app may ask for in a POSTed update. */
export type UpdateIntent = 'COMMENT' | 'REOPEN';

/**
 * What a POSTed update's status asks of the ticket: a citizen's app can add
 * a comment or ask for a reopen, never close or fix a report itself.
 * REOPEN, or OPEN on a closed report, asks for a reopen; the statuses that
 * describe the report as it stands (the app repeating what it was told) are a
 * comment; the others a client may not set.
 *
 * @example
 * updateIntent('REOPEN', 'closed'); // 'REOPEN'
 * updateIntent('OPEN', 'open'); // 'COMMENT'
 * updateIntent('FIXED', 'open'); // null
 */
export function updateIntent(status: string, current: Open311Status): UpdateIntent | null {
  const s = status.trim().toLowerCase();
  if (s === 'reopen') return 'REOPEN';
  if (s === 'open') return current === 'closed' ? 'REOPEN' : 'COMMENT';
  if (s === 'closed' || s === 'fixed') return current === 'closed' ? 'COMMENT' : null;
  if ((EXTENDED_STATUSES as readonly string[]).includes(s)) return null;
  return null;
}
