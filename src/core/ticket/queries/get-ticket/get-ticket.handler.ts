import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { GetTicketQuery } from './get-ticket.query';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery, Ticket> {
  constructor(private readonly em: EntityManager) {}

  async execute({ ref, opdScope }: GetTicketQuery): Promise<Ticket> {
    const where = 'id' in ref ? { id: ref.id } : { number: ref.number.trim().toUpperCase() };
    // Scoped in the query itself: another OPD's ticket is indistinguishable from none.
    const ticket = await this.em.fork().findOne(Ticket, opdScope ? { ...where, opdCode: opdScope } : where);
    if (!ticket) throw TicketException.notFound('id' in ref ? ref.id : ref.number);
    return ticket;
  }
}
