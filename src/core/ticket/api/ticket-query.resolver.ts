import { Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { ApiError } from '../../../infra/graphql/api-error';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { TICKET_SETTINGS, TicketSettings } from '../application/ticket-settings';
import type { TicketEvent } from '../domain/ticket-event.entity';
import type { Ticket } from '../domain/ticket.entity';
import { TicketErrorCode, TicketException } from '../domain/ticket.exception';
import { GetTicketQuery } from '../queries/get-ticket/get-ticket.query';
import { ListTicketsQuery, TicketSort } from '../queries/list-tickets/list-tickets.query';
import { TicketEventsQuery } from '../queries/ticket-events/ticket-events.query';
import type { Actor } from '../../actor';
import { CurrentActor } from '../../actor';
import { TicketFilterInput } from './ticket-filter.input';
import { toTicketEventModel, toTicketModel } from './ticket.mapper';
import { TicketConnectionModel, TicketEventModel, TicketModel } from './ticket.model';

const MAX_PAGE = 100;

interface LoaderContext {
  ticketEvents?: DataLoader<string, TicketEvent[]>;
}

@Resolver(() => TicketModel)
export class TicketQueryResolver {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TICKET_SETTINGS) private readonly settings: TicketSettings,
  ) {}

  @Query(() => TicketModel, { nullable: true, description: 'One ticket by id or by number (give exactly one); null if none.' })
  async ticket(
    @Args('id', { type: () => ID, nullable: true }) id?: string,
    @Args('number', { type: () => String, nullable: true }) number?: string,
    @CurrentActor() actor?: Actor,
  ): Promise<TicketModel | null> {
    if (!id === !number) throw new ApiError('BAD_USER_INPUT', 'Give exactly one of id and number');
    if (id && !/^[0-9a-f-]{36}$/i.test(id)) return null;
    try {
      const ticket = await this.queryBus.execute<GetTicketQuery, Ticket>(new GetTicketQuery(id ? { id } : { number: number! }, actor?.restrictedToOpd ?? null));
      return this.model(ticket);
    } catch (error) {
      if (error instanceof TicketException && error.code === TicketErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  @Query(() => TicketConnectionModel, { description: 'Tickets matching a filter, a page at a time (newest report first by default).' })
  async tickets(
    @Args('filter', { type: () => TicketFilterInput, nullable: true }) filter: TicketFilterInput | null,
    @Args('sort', { type: () => TicketSort, defaultValue: TicketSort.REPORTED_AT_DESC }) sort: TicketSort,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentActor() actor?: Actor,
  ): Promise<TicketConnectionModel> {
    if (first < 1 || first > MAX_PAGE) throw new ApiError('BAD_USER_INPUT', `first must be from 1 to ${MAX_PAGE}`);
    let page: Cursor<Ticket, never, '*', never, false>;
    try {
      page = await this.queryBus.execute(new ListTicketsQuery(filter ?? {}, sort, first, after, actor?.restrictedToOpd ?? null));
    } catch (error) {
      if (error instanceof TicketException && error.code === TicketErrorCode.INVALID_INPUT) {
        throw new ApiError('BAD_USER_INPUT', error.message);
      }
      throw error;
    }
    return {
      edges: page.items.map((ticket) => ({ cursor: page.from(ticket), node: this.model(ticket) })),
      pageInfo: {
        hasNextPage: page.hasNextPage ?? false,
        hasPreviousPage: page.hasPrevPage ?? false,
        startCursor: page.startCursor,
        endCursor: page.endCursor,
      },
      query: { filter: filter ?? {}, opdScope: actor?.restrictedToOpd ?? null },
    };
  }

  @ResolveField(() => [TicketEventModel], { description: 'The history, oldest first.' })
  async events(@Parent() ticket: TicketModel, @Context() context: LoaderContext): Promise<TicketEventModel[]> {
    // One query per page of tickets, not one per ticket.
    context.ticketEvents ??= new DataLoader(async (ids: readonly string[]) => {
      const byTicket = await this.queryBus.execute<TicketEventsQuery, Map<string, TicketEvent[]>>(new TicketEventsQuery(ids));
      return ids.map((id) => byTicket.get(id) ?? []);
    });
    return (await context.ticketEvents.load(ticket.id)).map(toTicketEventModel);
  }

  private model(ticket: Ticket): TicketModel {
    return toTicketModel(ticket, this.clock.now(), this.settings.reopenWindowMs);
  }
}
