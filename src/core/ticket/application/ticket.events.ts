import type { TicketCommand, TicketState } from '../lifecycle';
import type { Actor } from '../../actor';

/**
 * Published on the CQRS EventBus after the transaction commits (never before:
 * a listener must not see a change that may still roll back). No handler
 * subscribes today; anything that must not be lost reads the outbox instead
 * (written in the change's transaction), not these in-process events.
 */
export class TicketCreatedEvent {
  constructor(
    readonly ticketId: string,
    readonly number: string,
    readonly actor: Actor,
    readonly occurredAt: Date,
  ) {}
}

export class TicketChangedEvent {
  constructor(
    readonly ticketId: string,
    readonly command: TicketCommand,
    readonly from: TicketState,
    readonly to: TicketState,
    readonly version: number,
    readonly actor: Actor,
    readonly occurredAt: Date,
  ) {}
}
