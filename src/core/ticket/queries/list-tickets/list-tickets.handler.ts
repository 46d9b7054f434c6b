import { insaneDate } from '../../../../infra/graphql/sane-input.pipe';
import { Cursor, FilterQuery, QueryOrder } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Ticket } from '../../domain/ticket.entity';
import { OPEN_STATES } from '../../domain/open-tickets';
import { TicketException } from '../../domain/ticket.exception';
import { ListTicketsQuery, TicketFilter, TicketSort } from './list-tickets.query';

// Every order ends with the id, so cursors are unique and pages never overlap.
const ORDER: Record<TicketSort, Record<string, QueryOrder>> = {
  [TicketSort.REPORTED_AT_DESC]: { reportedAt: QueryOrder.DESC, id: QueryOrder.DESC },
  [TicketSort.REPORTED_AT_ASC]: { reportedAt: QueryOrder.ASC, id: QueryOrder.ASC },
  [TicketSort.UPDATED_AT_DESC]: { updatedAt: QueryOrder.DESC, id: QueryOrder.DESC },
  [TicketSort.UPDATED_AT_ASC]: { updatedAt: QueryOrder.ASC, id: QueryOrder.ASC },
  // Never null (a ticket without a running clock holds NO_RUNNING_CLOCK), so cursors work and those tickets come last.
  [TicketSort.DUE_SOONEST]: { slaNextDueAt: QueryOrder.ASC, id: QueryOrder.ASC },
};

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, Cursor<Ticket, never, '*', never, false>> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: ListTicketsQuery): Promise<Cursor<Ticket, never, '*', never, false>> {
    if (query.after) assertCursor(query.after);
    // The total is counted only when a client selects it (CountTicketsQuery): a page costs what it returns.
    return this.em.fork().findByCursor(Ticket, scopedWhere(query.filter, query.opdScope), {
      first: query.first,
      after: query.after ?? undefined,
      orderBy: ORDER[query.sort],
      includeCount: false,
    });
  }
}

/** A list's WHERE clause. The scope is part of it: lists are filtered, never post-filtered. */
export function scopedWhere(filter: TicketFilter, opdScope: string | null): FilterQuery<Ticket> {
  return opdScope ? { $and: [toWhere(filter), { opdCode: opdScope }] } : toWhere(filter);
}

export function toWhere(filter: TicketFilter): FilterQuery<Ticket> {
  const where: Record<string, unknown> = {};
  const and: Array<Record<string, unknown>> = [];
  if (filter.states?.length) and.push({ state: { $in: filter.states } });
  if (filter.open === true) and.push({ state: { $in: OPEN_STATES } });
  if (filter.open === false) and.push({ state: { $nin: OPEN_STATES } });
  if (and.length) where.$and = and;
  if (filter.updatedSince) where.updatedAt = { $gte: filter.updatedSince };
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
  return where;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Cursors are opaque to clients but not to us: every order here is (a time,
 * the id), so anything else is a client's mistake, refused before it can
 * reach the database as a type error.
 */
function assertCursor(after: string): void {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    values = null;
  }
  const ok =
    Array.isArray(values) &&
    values.length === 2 &&
    // MikroORM's decoder turns the ISO timestamps it wrote back into dates; anything else is not ours.
    values[0] instanceof Date &&
    insaneDate(values[0]) === null &&
    typeof values[1] === 'string' &&
    UUID.test(values[1]);
  if (!ok) throw TicketException.invalidInput(['after is not a cursor of this list']);
}
