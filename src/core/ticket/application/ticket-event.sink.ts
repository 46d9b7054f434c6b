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
 * What the sink will write for tickets being created, computed before the
 * ticket row is written (see {@link TicketEventSink.planCreated}).
 */
export interface PlannedFollowUp {
  /** Per new ticket, as in {@link FollowedTickets}: written with the ticket's own insert. */
  readonly nextDueAt: ReadonlyMap<string, Date | null>;
  /**
   * What was planned, as data-modifying statements (`insert …`, `?`
   * placeholders) the intake runs as CTEs of its own insert of the ticket:
   * one statement, one round trip. Their foreign keys to the ticket hold
   * because PostgreSQL checks them at the end of that statement.
   */
  readonly statements: ReadonlyArray<{ readonly sql: string; readonly params: readonly unknown[] }>;
  /** Called once the statements committed. */
  written(): void;
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
  /**
   * The same for tickets being created (each ticket's first event is
   * TICKET_CREATED), planned before anything is written (reading nothing but
   * cached configuration, through `sql` when cold): the intake writes the
   * ticket with its next due time and the sink's rows in one statement.
   */
  planCreated(sql: SqlRunner, events: readonly RecordedTicketEvent[]): Promise<PlannedFollowUp>;
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
