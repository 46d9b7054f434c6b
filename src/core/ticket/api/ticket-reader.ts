import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { TICKET_SETTINGS, TicketSettings } from '../application/ticket-settings';
import type { Ticket } from '../domain/ticket.entity';
import { TicketErrorCode, TicketException } from '../domain/ticket.exception';
import { GetTicketQuery } from '../queries/get-ticket/get-ticket.query';
import { toTicketModel } from './ticket.mapper';
import type { TicketModel } from './ticket.model';

/**
 * One ticket as a reader with a given reach sees it, for other domains that
 * show tickets (a subscription re-reads the ticket an event is about with
 * the subscriber's rights). Another OPD's ticket is null, as in `ticket`.
 *
 * @example
 * const model = await reader.read(ticketId, actor.restrictedToOpd ?? null);
 */
@Injectable()
export class TicketReader {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TICKET_SETTINGS) private readonly settings: TicketSettings,
  ) {}

  async read(ticketId: string, opdScope: string | null): Promise<TicketModel | null> {
    try {
      const ticket = await this.queryBus.execute<GetTicketQuery, Ticket>(new GetTicketQuery({ id: ticketId }, opdScope));
      return toTicketModel(ticket, this.clock.now(), this.settings.reopenWindowMs);
    } catch (error) {
      if (error instanceof TicketException && error.code === TicketErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }
}
