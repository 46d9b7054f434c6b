import type { SqlRunner } from '../../../infra/database/sql-runner';
import type { Ticket } from '../domain/ticket.entity';
import { NO_RUNNING_CLOCK } from '../domain/open-tickets';
import type { TicketState } from '../lifecycle';
import type { TicketContext } from '../domain/ticket-context';

/** An event as written, for those who must follow it inside the same transaction. */
export interface RecordedTicketEvent {
  readonly ticketId: string;
  readonly seq: number;
  readonly type: string;
  readonly toState: TicketState;
  readonly occurredAt: Date;
  readonly context: TicketContext;
}

/** What the sink reports back about the tickets it followed. */
export interface FollowedTickets {
  /**
   * Per ticket: the earliest due time of a running clock (the next breach),
   * null when none runs. The ticket domain keeps it on the ticket
   * (`sla_next_due_at`) for the DUE_SOONEST order.
   */
  readonly nextDueAt: ReadonlyMap<string, Date | null>;
}

/**
 * Called with a transaction's new events before it commits, on the same
 * connection: whatever it writes commits or rolls back with them. The SLA
 * engine keeps its clocks this way. It must not open another connection.
 *
 * @example
 * { provide: TICKET_EVENT_SINK, useExisting: SlaClockWriter }
 */
export interface TicketEventSink {
  record(sql: SqlRunner, events: readonly RecordedTicketEvent[]): Promise<FollowedTickets | void>;
}

export const TICKET_EVENT_SINK = Symbol('TICKET_EVENT_SINK');

/**
 * Copies the sink's next due times onto the managed tickets (flushed with
 * the transaction); a ticket the sink did not mention keeps its value.
 */
export function keepNextDue(tickets: readonly Ticket[], followed: FollowedTickets | void): void {
  if (!followed) return;
  for (const ticket of tickets) {
    if (!followed.nextDueAt.has(ticket.id)) continue;
    ticket.slaNextDueAt = followed.nextDueAt.get(ticket.id) ?? NO_RUNNING_CLOCK;
  }
}
