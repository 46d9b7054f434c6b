import { EntityManager } from '@mikro-orm/postgresql';
import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { TicketModel } from '../../ticket';
import { SlaCatalog } from '../application/sla-catalog';
import { fromClockRow } from '../application/sla-clock.rows';
import type { ClockSnapshot } from '../domain/sla-clock';
import { toSlaClockModel } from './sla.mapper';
import { SlaClockModel } from './sla.model';

interface LoaderContext {
  ticketSla?: DataLoader<string, ClockSnapshot[]>;
}

/** `Ticket.sla`: the ticket's clocks as of the query, one query per page of tickets. */
@Resolver(() => TicketModel)
export class TicketSlaResolver {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: SlaCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [SlaClockModel], { description: 'SLA clocks: target, due time, remaining business time, state.' })
  async sla(@Parent() ticket: TicketModel, @Context() context: LoaderContext): Promise<SlaClockModel[]> {
    context.ticketSla ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.em.fork().getConnection().execute<Array<Record<string, unknown>>>(
        `select * from ticket_sla_clock where ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb))) order by metric`,
        [JSON.stringify(ids)],
      );
      const byTicket = new Map<string, ClockSnapshot[]>();
      for (const row of rows) byTicket.set(row.ticket_id as string, [...(byTicket.get(row.ticket_id as string) ?? []), fromClockRow(row)]);
      return ids.map((id) => byTicket.get(id) ?? []);
    });
    const clocks = await context.ticketSla.load(ticket.id);
    const snapshot = await this.catalog.snapshot(entityManagerSql(this.em.fork()));
    const now = this.clock.now();
    return clocks.map((clock) => toSlaClockModel(clock, now, snapshot));
  }
}
