import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { recordEvent, takeRecordedEvents } from '../../ticket/application/ticket-changer';
import type { Actor } from '../../actor';
import { Ticket } from '../../ticket/domain/ticket.entity';
import { TicketState } from '../../ticket/lifecycle';
import { SLA_REEVALUATED } from '../domain/sla-timeline';
import { SlaClockWriter } from './sla-clock.writer';

/** Tickets whose clocks can still change. */
const FINISHED = [TicketState.CLOSED, TicketState.ANSWERED, TicketState.REJECTED, TicketState.DUPLICATE];
const BATCH = 200;

export interface ReevaluationResult {
  readonly tickets: number;
  /** The instant whose policies the tickets now follow. */
  readonly pinnedAt: Date;
}

/**
 * Moves open tickets to the policies in force now. Explicit and audited: each
 * ticket gets an SLA_REEVALUATED event (who, why) in its history, and its
 * clocks are recomputed in the same transaction, as for any event.
 *
 * @example
 * await reevaluation.run({ opdCode: 'DISHUB' }, 'New DISHUB targets from 1 January', admin);
 */
@Injectable()
export class SlaReevaluation {
  constructor(
    private readonly em: EntityManager,
    private readonly writer: SlaClockWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(scope: { ticketIds?: readonly string[]; opdCode?: string }, reason: string, actor: Actor): Promise<ReevaluationResult> {
    const now = this.clock.now();
    const ids = await this.select(scope);
    let done = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      done += await this.em.fork().transactional(async (tx) => {
        // Locked like any command's ticket; a concurrent command waits, then sees the new version.
        const tickets = await tx.find(Ticket, { id: { $in: ids.slice(i, i + BATCH) }, state: { $nin: FINISHED } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
        for (const ticket of tickets) {
          ticket.updatedAt = now;
          recordEvent(tx, ticket, SLA_REEVALUATED, ticket.state, ticket.state, actor, now, { reason });
        }
        await this.writer.record(entityManagerSql(tx), takeRecordedEvents(tx));
        return tickets.length;
      });
    }
    return { tickets: done, pinnedAt: now };
  }

  private async select(scope: { ticketIds?: readonly string[]; opdCode?: string }): Promise<string[]> {
    const where: Record<string, unknown> = { state: { $nin: FINISHED } };
    if (scope.ticketIds) where.id = { $in: [...scope.ticketIds] };
    if (scope.opdCode) where.opdCode = scope.opdCode;
    const rows = await this.em.fork().find(Ticket, where, { fields: ['id'], orderBy: { id: 'asc' } });
    return rows.map((t) => t.id);
  }
}
