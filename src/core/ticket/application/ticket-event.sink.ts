import type { SqlRunner } from '../../../infra/database/sql-runner';
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

/**
 * Called with a transaction's new events before it commits, on the same
 * connection: whatever it writes commits or rolls back with them. The SLA
 * engine keeps its clocks this way. It must not open another connection.
 *
 * @example
 * { provide: TICKET_EVENT_SINK, useExisting: SlaClockWriter }
 */
export interface TicketEventSink {
  record(sql: SqlRunner, events: readonly RecordedTicketEvent[]): Promise<void>;
}

export const TICKET_EVENT_SINK = Symbol('TICKET_EVENT_SINK');
