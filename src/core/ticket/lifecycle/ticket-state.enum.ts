/**
 * Where a ticket is in its lifecycle. Values equal names so they can be stored
 * as text and read in logs and GraphQL without a lookup.
 *
 * @example
 * if (ticket.state === TicketState.ON_HOLD) { ... }
 */
export enum TicketState {
  NEW = 'NEW',
  TRIAGED = 'TRIAGED',
  DISPATCHED = 'DISPATCHED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  EN_ROUTE = 'EN_ROUTE',
  ON_SITE = 'ON_SITE',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  ANSWERED = 'ANSWERED',
  REJECTED = 'REJECTED',
  DUPLICATE = 'DUPLICATE',
  RETURNED = 'RETURNED',
  ON_HOLD = 'ON_HOLD',
}
