import { Injectable } from '@nestjs/common';
import { type Counter, MetricsRegistry } from '../../../infra/metrics/metrics.registry';

/**
 * The ticket domain's instruments (docs/metrics.md). Counted after the
 * transaction commits, so a rolled-back or refused command counts nothing.
 * Labels are enum values only: never a ticket's id, number or reporter.
 */
@Injectable()
export class TicketMetrics {
  /** Tickets created, by channel and kind (an idempotent replay is not a create). */
  readonly created: Counter<'channel' | 'kind'>;
  /** Lifecycle commands applied, by event type (the command) and the state they led to. */
  readonly transitions: Counter<'event_type' | 'to_state'>;

  constructor(metrics: MetricsRegistry) {
    this.created = metrics.counter({
      name: 'sigap_tickets_created_total',
      help: 'Tickets created (committed), by intake channel and kind',
      labelNames: ['channel', 'kind'],
    });
    this.transitions = metrics.counter({
      name: 'sigap_ticket_transitions_total',
      help: 'Ticket lifecycle commands committed, by event type and the state the ticket is in afterwards',
      labelNames: ['event_type', 'to_state'],
    });
  }
}
