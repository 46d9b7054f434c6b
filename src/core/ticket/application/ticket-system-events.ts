import { DeadlockException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../actor';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import type { TicketEventType } from '../domain/ticket-event-type';
import { Ticket } from '../domain/ticket.entity';
import { OPEN_STATES } from '../domain/open-tickets';
import { TicketJournal } from './ticket-changer';
import { keepNextDue, TICKET_EVENT_SINK, TicketEventSink } from './ticket-event.sink';
import { lockTickets } from './ticket-locks';

/** Which open tickets a system event is for; both parts optional, together they narrow. */
export interface OpenTicketScope {
  readonly ticketIds?: readonly string[];
  readonly opdCode?: string;
}

const BATCH = 200;
// A deadlock cannot come from ticket locks (one order), but a batch is cheap to redo.
const DEADLOCK_ATTEMPTS = 3;

/**
 * The ticket domain's entry point for system commands of other domains: an
 * audited event on open tickets that takes no lifecycle step (the state
 * stays), such as SLA's re-evaluation. Each batch is one transaction that
 * locks its tickets in id order (the one lock order), records the events and
 * hands them to the event sink, like any command. Other domains never write
 * ticket rows or events themselves.
 *
 * @example
 * const n = await systemEvents.recordOnOpenTickets({ opdCode: 'DISHUB' }, 'SLA_REEVALUATED', { reason }, admin, now);
 */
@Injectable()
export class TicketSystemEvents {
  constructor(
    private readonly em: EntityManager,
    // Required: without it every SLA clock would silently stop.
    @Inject(TICKET_EVENT_SINK) private readonly sink: TicketEventSink,
  ) {}

  /** Returns how many tickets got the event. */
  async recordOnOpenTickets(scope: OpenTicketScope, type: TicketEventType, payload: Record<string, unknown>, actor: Actor, now: Date): Promise<number> {
    const ids = await this.openTicketIds(scope);
    let done = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      done += await this.recordBatch(ids.slice(i, i + BATCH), type, payload, actor, now);
    }
    return done;
  }

  private async recordBatch(ids: string[], type: TicketEventType, payload: Record<string, unknown>, actor: Actor, now: Date, attempt = 1): Promise<number> {
    try {
      return await this.em.fork().transactional(async (tx) => {
        // Locked like any command's ticket; one that finished meanwhile is left alone.
        const tickets = await lockTickets(tx, ids, { state: { $in: OPEN_STATES } });
        const journal = new TicketJournal(tx, actor, now);
        for (const ticket of tickets) {
          ticket.updatedAt = now;
          journal.record(ticket, type, ticket.state, ticket.state, payload);
        }
        keepNextDue(tickets, await this.sink.record(entityManagerSql(tx), journal.events));
        return tickets.length;
      });
    } catch (error) {
      if (error instanceof DeadlockException && attempt < DEADLOCK_ATTEMPTS) return this.recordBatch(ids, type, payload, actor, now, attempt + 1);
      throw error;
    }
  }

  private async openTicketIds(scope: OpenTicketScope): Promise<string[]> {
    const where: Record<string, unknown> = { state: { $in: OPEN_STATES } };
    if (scope.ticketIds) where.id = { $in: [...scope.ticketIds] };
    if (scope.opdCode) where.opdCode = scope.opdCode;
    const rows = await this.em.fork().find(Ticket, where, { fields: ['id'], orderBy: { id: 'asc' } });
    return rows.map((t) => t.id);
  }
}
