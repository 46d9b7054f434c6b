import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../actor';
import { OutboxMessage } from '../../shared';
import { TicketCommand, TicketState, transition } from '../lifecycle';
import { ticketContext } from '../domain/ticket-context';
import type { TicketEventType } from '../domain/ticket-event-type';
import { TicketEvent } from '../domain/ticket-event.entity';
import { Ticket } from '../domain/ticket.entity';
import { TicketException } from '../domain/ticket.exception';
import type { RecordedTicketEvent } from './ticket-event.sink';

/** What a command contributes beyond the lifecycle step itself. */
export interface ChangeSpec {
  readonly command: TicketCommand;
  /** Checked against the table's required inputs, then stored in the event. */
  readonly payload: Record<string, unknown>;
  /**
   * The command's own effect on the ticket (milestones, assignment…). `em` and
   * `journal` are the transaction's: an effect on another ticket (a merge)
   * records that ticket's event through `journal`, and names it in `alsoLocks`.
   */
  readonly apply?: (ticket: Ticket, now: Date, em: EntityManager, journal: TicketJournal) => void | Promise<void>;
  /**
   * Other tickets the effect writes. The runner locks them together with the
   * ticket, all in id order, before anything else: one lock order for every writer.
   */
  readonly alsoLocks?: readonly string[];
  /**
   * Uploads the command references (already in `payload` for the audit trail):
   * bound to the ticket in the same transaction, or the command fails.
   */
  readonly attachmentIds?: readonly string[];
}

export interface AppliedChange {
  readonly from: TicketState;
  readonly to: TicketState;
}

/**
 * The events one transaction records, in order. Whoever opens the
 * transaction creates one, hands it to every step and passes `events` to the
 * TicketEventSink before commit. Nothing is kept anywhere else, so an event
 * cannot be recorded without its transaction's owner seeing it.
 *
 * @example
 * const journal = new TicketJournal(tx, actor, now);
 * journal.record(survivor, DUPLICATE_MERGED, survivor.state, survivor.state, { duplicateId });
 * await sink.record(entityManagerSql(tx), journal.events);
 */
export class TicketJournal {
  private readonly recorded: RecordedTicketEvent[] = [];

  constructor(
    readonly em: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  get events(): readonly RecordedTicketEvent[] {
    return this.recorded;
  }

  /**
   * Appends an event (and its outbox message) numbered after the ticket's
   * current version: `seq` is the version the ticket will have once flushed.
   */
  record(ticket: Ticket, type: TicketEventType, from: TicketState | null, to: TicketState, payload: Record<string, unknown>): void {
    const rows = eventRows(ticket, type, from, to, this.actor, this.now, payload, ticket.version + 1);
    this.em.create(TicketEvent, { ...rows.event, ticket });
    this.em.create(OutboxMessage, rows.outbox);
    this.recorded.push(asRecorded(rows.event));
  }
}

/**
 * Applies one lifecycle step to a loaded (and locked) ticket inside the
 * journal's transaction: decide with the pure transition function, apply the
 * effect, then append the event and the outbox message. Flushing is the
 * caller's job, so the change, its event and its message commit together or
 * not at all.
 */
export async function applyChange(journal: TicketJournal, ticket: Ticket, reopenWindowMs: number, spec: ChangeSpec): Promise<AppliedChange> {
  const { now } = journal;
  const { from, to } = takeStep(ticket, spec.command, spec.payload, now, reopenWindowMs);
  await spec.apply?.(ticket, now, journal.em, journal);
  ticket.updatedAt = now;
  journal.record(ticket, spec.command, from, to, spec.payload);
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
  type: TicketEventType,
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
