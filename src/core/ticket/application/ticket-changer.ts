import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage } from '../../shared/outbox/outbox-message.entity';
import { TicketCommand, TicketState, transition } from '../lifecycle';
import type { Actor } from '../../actor';
import { ticketContext } from '../domain/ticket-context';
import { TicketEvent } from '../domain/ticket-event.entity';
import { Ticket } from '../domain/ticket.entity';
import { TicketException } from '../domain/ticket.exception';
import type { RecordedTicketEvent } from './ticket-event.sink';

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
  const { from, to } = takeStep(ticket, spec.command, spec.payload, now, reopenWindowMs);
  await spec.apply?.(ticket, now, em);
  ticket.updatedAt = now;
  recordEvent(em, ticket, spec.command, from, to, actor, now, spec.payload);
  return { from, to };
}

/**
 * The lifecycle step alone: ask the pure transition function, and move the
 * ticket's state (and held-from state) if it agrees; a refusal throws.
 */
export function takeStep(
  ticket: Ticket,
  command: TicketCommand,
  payload: Record<string, unknown>,
  now: Date,
  reopenWindowMs: number,
): { from: TicketState; to: TicketState } {
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
    command,
    payload,
    { now, reopenWindowMs },
  );
  if (!result.ok) {
    throw TicketException.illegalTransition({ from, command, reason: result.reason, detail: result.detail, allowed: result.allowed });
  }
  ticket.state = result.to;
  ticket.heldFrom = result.heldFrom;
  return { from, to: result.to };
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
): void {
  const rows = eventRows(ticket, type, from, to, actor, now, payload, seq);
  em.create(TicketEvent, { ...rows.event, ticket });
  em.create(OutboxMessage, rows.outbox);
  const pending = PENDING.get(em) ?? [];
  pending.push(asRecorded(rows.event));
  PENDING.set(em, pending);
}

// Events recorded in a transaction and not yet handed to the event sink,
// keyed by the transaction's EntityManager (a merge records on two tickets).
const PENDING = new WeakMap<EntityManager, RecordedTicketEvent[]>();

/** The events recorded through `em` since the last call; the runner hands them to the sink before commit. */
export function takeRecordedEvents(em: EntityManager): RecordedTicketEvent[] {
  const pending = PENDING.get(em) ?? [];
  PENDING.delete(em);
  return pending;
}

/** The sink's view of an event row. */
export function asRecorded(event: ReturnType<typeof eventRows>['event']): RecordedTicketEvent {
  return { ticketId: event.ticket, seq: event.seq, type: event.type, toState: event.toState, occurredAt: event.occurredAt, context: event.context };
}

/**
 * The rows of one event and its outbox message, numbered `seq` (the version
 * the ticket has once written). Also marks the ticket's newest event.
 */
export function eventRows(
  ticket: Ticket,
  type: string,
  from: TicketState | null,
  to: TicketState,
  actor: Actor,
  now: Date,
  payload: Record<string, unknown>,
  seq: number,
) {
  ticket.lastEventSeq = seq;
  const eventId = randomUUID();
  return {
    event: {
      id: eventId,
      ticket: ticket.id,
      seq,
      type,
      fromState: from,
      toState: to,
      actorId: actor.userId,
      actorRole: actor.role,
      actorOpd: actor.opdCode,
      occurredAt: now,
      payload,
      context: ticketContext(ticket),
    },
    outbox: {
      id: randomUUID(),
      topic: `ticket.${type.toLowerCase()}`,
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      createdAt: now,
      payload: {
        eventId,
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
    },
  };
}
