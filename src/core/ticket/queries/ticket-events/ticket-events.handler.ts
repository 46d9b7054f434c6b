import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketEvent } from '../../domain/ticket-event.entity';
import { TicketEventsQuery } from './ticket-events.query';

@QueryHandler(TicketEventsQuery)
export class TicketEventsHandler implements IQueryHandler<TicketEventsQuery, Map<string, TicketEvent[]>> {
  constructor(private readonly em: EntityManager) {}

  async execute({ ticketIds }: TicketEventsQuery): Promise<Map<string, TicketEvent[]>> {
    const events = await this.em
      .fork()
      .find(TicketEvent, { ticket: { $in: [...ticketIds] } }, { orderBy: { ticket: 'asc', seq: 'asc' } });
    const byTicket = new Map<string, TicketEvent[]>(ticketIds.map((id) => [id, []]));
    for (const event of events) byTicket.get(event.ticket.id)?.push(event);
    return byTicket;
  }
}
