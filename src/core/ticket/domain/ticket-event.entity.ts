import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { TicketState } from '../lifecycle';
import type { TicketContext } from './ticket-context';
import { ActorRole } from '../../actor';
import { Ticket } from './ticket.entity';

/**
 * The audit trail: one row per accepted command (or creation, or a merge into
 * this ticket), written in the same transaction as the change. `seq` equals
 * the ticket's version after the change, so two writers of one version
 * cannot both succeed.
 */
@Entity({ tableName: 'ticket_event' })
@Unique({ name: 'ticket_event_ticket_seq_unique', properties: ['ticket', 'seq'] })
// Open311's GET /servicerequestupdates reads events by time across every ticket.
@Index({ name: 'ticket_event_occurred_idx', properties: ['occurredAt', 'id'] })
export class TicketEvent {
  [OptionalProps]?: 'id' | 'fromState' | 'actorOpd' | 'payload' | 'context';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Ticket, { deleteRule: 'cascade' })
  ticket!: Ticket;

  @Property({ type: 'integer' })
  seq!: number;

  /** CREATED, a TicketCommand name, or DUPLICATE_MERGED (on the surviving ticket). */
  @Property({ type: 'text' })
  type!: string;

  @Enum({ items: () => TicketState, type: 'text', nullable: true })
  fromState: TicketState | null = null;

  @Enum({ items: () => TicketState, type: 'text' })
  toState!: TicketState;

  @Property({ type: 'text' })
  actorId!: string;

  @Enum({ items: () => ActorRole, type: 'text' })
  actorRole!: ActorRole;

  @Property({ type: 'text', nullable: true })
  actorOpd: string | null = null;

  /** The clock's time of the command. */
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The command's inputs (reason, note, assignee…), as given. */
  @Property({ type: 'json', default: '{}' })
  payload: Record<string, unknown> = {};

  /** The ticket's classification after the event (kind, priority, category, OPD, report time). */
  @Property({ type: 'json', nullable: true })
  context: TicketContext | null = null;
}
