import { QueryBus } from '@nestjs/cqrs';
import { Args, Field, GraphQLISODateTime, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Ticket } from '../domain/ticket.entity';
import { TicketKind } from '../domain/ticket.enums';
import { TicketErrorCode, TicketException } from '../domain/ticket.exception';
import { TicketState } from '../lifecycle';
import { GetTicketQuery } from '../queries/get-ticket/get-ticket.query';

@ObjectType('TicketStatus', { description: 'What a citizen may know of a report by its number: where it stands, nothing about who filed it.' })
export class TicketStatusModel {
  @Field() number!: string;
  @Field(() => TicketKind) kind!: TicketKind;
  @Field(() => TicketState) state!: TicketState;
  @Field(() => String, { nullable: true }) categoryCode!: string | null;
  @Field(() => String, { nullable: true }) opdCode!: string | null;
  @Field(() => GraphQLISODateTime) reportedAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => String, { nullable: true, description: 'For a DUPLICATE: the number of the report it was merged into, which carries the work.' })
  duplicateOfNumber!: string | null;
}

/**
 * The citizens' endpoint: a report's progress by its number (printed on the
 * SMS or told on the phone). Confidential reports never appear here: their
 * number answers like an unknown one.
 */
@Resolver()
export class TicketStatusResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => TicketStatusModel, { nullable: true, description: 'Public: a report\'s progress by number; null for unknown and confidential reports.' })
  async ticketStatus(@Args('number', { type: () => String }) number: string): Promise<TicketStatusModel | null> {
    if (number.length > 40) return null;
    try {
      const ticket = await this.queryBus.execute<GetTicketQuery, Ticket>(new GetTicketQuery({ number }));
      if (ticket.reporter.confidential) return null;
      const { kind, state, categoryCode, opdCode, reportedAt, updatedAt } = ticket;
      const survivor = ticket.duplicateOf ? await this.queryBus.execute<GetTicketQuery, Ticket>(new GetTicketQuery({ id: ticket.duplicateOf.id })) : null;
      return { number: ticket.number, kind, state, categoryCode, opdCode, reportedAt, updatedAt, duplicateOfNumber: survivor?.number ?? null };
    } catch (error) {
      if (error instanceof TicketException && error.code === TicketErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }
}
