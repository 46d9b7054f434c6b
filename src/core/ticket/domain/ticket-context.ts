import type { Ticket } from './ticket.entity';

/**
 * The ticket's classification as it stood after an event, stored with the
 * event: what the SLA engine needs to rebuild its clocks from the log alone.
 *
 * @example
 * const context = ticketContext(ticket); // { kind: 'EMERGENCY', priority: 'URGENT', … }
 */
export interface TicketContext {
  readonly kind: string;
  readonly priority: string;
  readonly categoryCode: string | null;
  readonly opdCode: string | null;
  /** ISO instant; a merged duplicate may move it earlier. */
  readonly reportedAt: string;
}

export function ticketContext(ticket: Ticket): TicketContext {
  return {
    kind: ticket.kind,
    priority: ticket.priority,
    categoryCode: ticket.categoryCode,
    opdCode: ticket.opdCode,
    reportedAt: ticket.reportedAt.toISOString(),
  };
}
