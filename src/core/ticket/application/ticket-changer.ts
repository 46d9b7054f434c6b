import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage } from '../../shared/outbox/outbox-message.entity';
import { TicketCommand, TicketState, transition } from '../lifecycle';
import type { Actor } from '../domain/actor';
import { TicketEvent } from '../domain/ticket-event.entity';
import { Ticket } from '../domain/ticket.entity';
import { TicketException } from '../domain/ticket.exception';

/** What a command contributes beyond the lifecycle step itself. */
export interface ChangeSpec {
  readonly command: TicketCommand;
  /** Checked against the table's required inputs, then stored in the event. */
  readonly payload: Record<string, unknown>;
  /** The command's own effect on the ticket (milestones, assignment…). */
  readonly apply?: (ticket: Ticket, now: Date, em: EntityManager) => void | Promise<void>;
}

export interface AppliedChange {
  readonly from: TicketState;
  readonly to: TicketState;
  readonly event: TicketEvent;
}

/**
 * Applies one lifecycle step to a loaded ticket inside the caller's
 * transaction: decide with the pure transition function, apply the effect,
 * then append the event and the outbox message. Flushing is the caller's job,
 * so the change, its event and its message commit together or not at all.
 */
export async function applyChange(
  em: EntityManager,
  ticket: Ticket,
  actor: Actor,
  now: Date,
  reopenWindowMs: number,
  spec: ChangeSpec,
): Promise<AppliedChange> {
  const from = ticket.state;
  const result = transition(
    {
      state: ticket.state,
      heldFrom: ticket.heldFrom,
      kind: ticket.kind,
      fieldResponse: ticket.fieldResponse,
      opdCode: ticket.opdCode,
      resolvedAt: ticket.resolvedAt,
    },
    spec.command,
    spec.payload,
    { now, reopenWindowMs },
  );
  if (!result.ok) {
    throw TicketException.illegalTransition({
      from,
      command: spec.command,
      reason: result.reason,
      detail: result.detail,
      allowed: result.allowed,
    });
  }
  ticket.state = result.to;
  ticket.heldFrom = result.heldFrom;
  await spec.apply?.(ticket, now, em);
  ticket.updatedAt = now;
  const event = recordEvent(em, ticket, spec.command, from, result.to, actor, now, spec.payload);
  return { from, to: result.to, event };
}

/**
 * Appends an event (and its outbox message) numbered after the ticket's
 * current version: `seq` is the version the ticket will have once flushed.
 */
export function recordEvent(
  em: EntityManager,
  ticket: Ticket,
  type: string,
  from: TicketState | null,
  to: TicketState,
  actor: Actor,
  now: Date,
  payload: Record<string, unknown>,
  seq: number = ticket.version + 1,
): TicketEvent {
  ticket.lastEventSeq = seq;
  const event = em.create(TicketEvent, {
    ticket,
    seq,
    type,
    fromState: from,
    toState: to,
    actorId: actor.userId,
    actorRole: actor.role,
    actorOpd: actor.opdCode,
    occurredAt: now,
    payload,
  });
  em.create(OutboxMessage, {
    topic: `ticket.${type.toLowerCase()}`,
    aggregateType: 'ticket',
    aggregateId: ticket.id,
    createdAt: now,
    payload: {
      eventId: event.id,
      ticketId: ticket.id,
      number: ticket.number,
      type,
      from,
      to,
      seq,
      opdCode: ticket.opdCode,
      kind: ticket.kind,
      occurredAt: now.toISOString(),
    },
  });
  return event;
}
