import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../actor';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { TicketSystemEvents } from '../../ticket';
import { SLA_REEVALUATED } from '../domain/sla-timeline';

export interface ReevaluationResult {
  readonly tickets: number;
  /** The instant whose policies the tickets now follow. */
  readonly pinnedAt: Date;
}

/**
 * Moves open tickets to the policies in force now. Explicit and audited: each
 * ticket gets an SLA_REEVALUATED event (who, why) in its history, recorded by
 * the ticket domain; the clocks follow in the same transaction through the
 * event sink, as for any event.
 *
 * @example
 * await reevaluation.run({ opdCode: 'DISHUB' }, 'New DISHUB targets from 1 January', admin);
 */
@Injectable()
export class SlaReevaluation {
  constructor(
    private readonly tickets: TicketSystemEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(scope: { ticketIds?: readonly string[]; opdCode?: string }, reason: string, actor: Actor): Promise<ReevaluationResult> {
    const now = this.clock.now();
    const tickets = await this.tickets.recordOnOpenTickets(scope, SLA_REEVALUATED, { reason }, actor, now);
    return { tickets, pinnedAt: now };
  }
}
