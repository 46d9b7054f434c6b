import type { TicketCommand } from '../lifecycle';

/** The first event of every ticket. */
export const TICKET_CREATED = 'CREATED';

/** The survivor's own event when a duplicate merges into it: not a command on it, but it changes it. */
export const DUPLICATE_MERGED = 'DUPLICATE_MERGED';

/**
 * What an event's `type` can be: a lifecycle command, one of the ticket's own
 * non-command events, or a system event another domain records through
 * `TicketSystemEvents` (e.g. SLA's `SLA_REEVALUATED`).
 *
 * @example
 * const type: TicketEventType = TicketCommand.TRIAGE;
 */
export type TicketEventType = TicketCommand | typeof TICKET_CREATED | typeof DUPLICATE_MERGED | (string & {});
