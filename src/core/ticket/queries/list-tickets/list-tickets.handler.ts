import { Cursor, FilterQuery, QueryOrder } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { ListTicketsQuery, TicketFilter, TicketSort } from './list-tickets.query';

// Every order ends with the id, so cursors are unique and pages never overlap.
const ORDER: Record<TicketSort, Record<string, QueryOrder>> = {
  [TicketSort.REPORTED_AT_DESC]: { reportedAt: QueryOrder.DESC, id: QueryOrder.DESC },
  [TicketSort.REPORTED_AT_ASC]: { reportedAt: QueryOrder.ASC, id: QueryOrder.ASC },
  [TicketSort.UPDATED_AT_DESC]: { updatedAt: QueryOrder.DESC, id: QueryOrder.DESC },
};

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, Cursor<Ticket>> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: ListTicketsQuery): Promise<Cursor<Ticket>> {
    try {
      return await this.em.fork().findByCursor(Ticket, toWhere(query.filter), {
        first: query.first,
        after: query.after ?? undefined,
        orderBy: ORDER[query.sort],
        includeCount: true,
      });
    } catch (error) {
      // A cursor is opaque to clients; one that does not decode is their input error.
      if (query.after && error instanceof Error && /cursor/i.test(error.message)) {
        throw TicketException.invalidInput(['after is not a cursor of this list']);
      }
      throw error;
    }
  }
}

export function toWhere(filter: TicketFilter): FilterQuery<Ticket> {
  const where: Record<string, unknown> = {};
  if (filter.states?.length) where.state = { $in: filter.states };
  if (filter.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter.priorities?.length) where.priority = { $in: filter.priorities };
  if (filter.channels?.length) where.channel = { $in: filter.channels };
  if (filter.opdCode) where.opdCode = filter.opdCode;
  if (filter.categoryCode) where.categoryCode = filter.categoryCode;
  if (filter.district) where.location = { district: filter.district.toUpperCase() };
  if (filter.reportedFrom || filter.reportedTo) {
    where.reportedAt = {
      ...(filter.reportedFrom ? { $gte: filter.reportedFrom } : {}),
      ...(filter.reportedTo ? { $lt: filter.reportedTo } : {}),
    };
  }
  const text = filter.text?.trim();
  if (text) where.search = { $fulltext: text };
  return where as FilterQuery<Ticket>;
}
