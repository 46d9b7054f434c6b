import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CountTicketsQuery, TicketCount, TicketCountMode } from '../queries/count-tickets/count-tickets.query';
import { TicketConnectionModel } from './ticket.model';
import './ticket-graphql.enums';

const MODE_ARG = {
  type: () => TicketCountMode,
  defaultValue: TicketCountMode.ESTIMATED,
  description: 'ESTIMATED (default): exact up to 10,000 matches, the planner\'s estimate above. EXACT: counts every match (slow on large lists).',
} as const;

/**
 * The list's total, counted only when a client selects it. A page of a
 * million-ticket history costs what the page returns; the count costs at most
 * 10,001 rows unless the client asks for EXACT.
 */
@Resolver(() => TicketConnectionModel)
export class TicketConnectionResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @ResolveField(() => Int, { description: 'Tickets matching the filter, all pages together; see mode and totalCountExact' })
  async totalCount(@Parent() connection: TicketConnectionModel, @Args('mode', MODE_ARG) mode: TicketCountMode): Promise<number> {
    return (await this.count(connection, mode)).count;
  }

  @ResolveField(() => Boolean, { description: 'Whether totalCount (with the same mode) is exact: false when it is the planner\'s estimate' })
  async totalCountExact(@Parent() connection: TicketConnectionModel, @Args('mode', MODE_ARG) mode: TicketCountMode): Promise<boolean> {
    return (await this.count(connection, mode)).exact;
  }

  private count(connection: TicketConnectionModel, mode: TicketCountMode): Promise<TicketCount> {
    connection.counts ??= new Map();
    let pending = connection.counts.get(mode);
    if (!pending) {
      pending = this.queryBus.execute<CountTicketsQuery, TicketCount>(new CountTicketsQuery(connection.query.filter, mode, connection.query.opdScope));
      connection.counts.set(mode, pending);
    }
    return pending;
  }
}
