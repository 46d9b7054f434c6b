import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Ticket } from '../../domain/ticket.entity';
import { scopedWhere } from '../list-tickets/list-tickets.handler';
import { CountTicketsQuery, EXACT_COUNT_LIMIT, TicketCount, TicketCountMode } from './count-tickets.query';

/**
 * Counts a list's matches with the list's own WHERE clause. ESTIMATED counts
 * at most EXACT_COUNT_LIMIT + 1 rows (a LIMIT inside the count, so the cost
 * stops there) and past that asks the planner (EXPLAIN, no execution): at a
 * million tickets an unfiltered count(*) reads them all, the estimate reads
 * the statistics.
 */
@QueryHandler(CountTicketsQuery)
export class CountTicketsHandler implements IQueryHandler<CountTicketsQuery, TicketCount> {
  constructor(private readonly em: EntityManager) {}

  async execute(query: CountTicketsQuery): Promise<TicketCount> {
    const em = this.em.fork();
    const qb = em.createQueryBuilder(Ticket, 't').select('t.id').where(scopedWhere(query.filter, query.opdScope));
    const connection = em.getConnection();
    if (query.mode === TicketCountMode.EXACT) {
      const [row] = await connection.execute<Array<{ n: string }>>(`select count(*) as n from (${qb.getFormattedQuery()}) m`);
      return { count: Number(row.n), exact: true };
    }
    const limited = qb.clone().limit(EXACT_COUNT_LIMIT + 1).getFormattedQuery();
    const [row] = await connection.execute<Array<{ n: string }>>(`select count(*) as n from (${limited}) m`);
    const n = Number(row.n);
    if (n <= EXACT_COUNT_LIMIT) return { count: n, exact: true };
    const [plan] = await connection.execute<Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>>(`explain (format json) ${qb.getFormattedQuery()}`);
    // The estimate may undershoot what the limited count already saw: never report less than that.
    return { count: Math.max(Math.round(plan['QUERY PLAN'][0].Plan['Plan Rows']), n), exact: false };
  }
}
