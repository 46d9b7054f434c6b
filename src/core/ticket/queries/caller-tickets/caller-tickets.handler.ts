import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { TicketKind } from '../../domain/ticket.enums';
import type { TicketState } from '../../lifecycle';
import { CallerTickets, CallerTicketsQuery } from './caller-tickets.query';

interface Row {
  id: string;
  number: string;
  state: TicketState;
  kind: TicketKind;
  opd_code: string | null;
  category_code: string | null;
  reported_at: Date;
  total: string;
}

// Both read ticket_reporter_phone_idx only from its front (the phone's rows,
// newest first): the cost follows the caller's tickets, not the table.
const SQL = `select t.id, t.number, t.state, t.kind, t.opd_code, t.category_code, t.reported_at,
                    (select count(*) from ticket c where c.reporter_phone = ?) as total
               from ticket t
              where t.reporter_phone = ?
              order by t.reported_at desc, t.id desc
              limit ?`;

@QueryHandler(CallerTicketsQuery)
export class CallerTicketsHandler implements IQueryHandler<CallerTicketsQuery, CallerTickets> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: CallerTicketsQuery): Promise<CallerTickets> {
    const rows = await this.em.fork().getConnection().execute<Row[]>(SQL, [query.phone, query.phone, query.limit]);
    return {
      tickets: rows.map((r) => ({
        id: r.id,
        number: r.number,
        state: r.state,
        kind: r.kind,
        opdCode: r.opd_code,
        categoryCode: r.category_code,
        reportedAt: new Date(r.reported_at),
      })),
      // No row, no count from the subquery: the caller has no tickets.
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }
}
