import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ReporterAccessRecorder } from '../../../identity';
import { CallerTickets, CallerTicketsQuery } from '../../../ticket';
import { CallerFlags } from '../../application/caller-flags';
import { callerPhone } from '../../domain/caller-phone';
import { CallerHistory, CallerHistoryQuery } from './caller-history.query';

@QueryHandler(CallerHistoryQuery)
export class CallerHistoryHandler implements IQueryHandler<CallerHistoryQuery, CallerHistory> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly flags: CallerFlags,
    private readonly accessLog: ReporterAccessRecorder,
  ) {}

  async execute(query: CallerHistoryQuery): Promise<CallerHistory> {
    const phone = callerPhone(query.phone);
    const [found, flags] = await Promise.all([
      this.queryBus.execute<CallerTicketsQuery, CallerTickets>(new CallerTicketsQuery(phone, query.limit)),
      this.flags.history(phone),
    ]);
    // Before anything is returned: a lookup that cannot be recorded shows nothing.
    await this.accessLog.callerLookedUp(query.actor, query.operation, phone, found.tickets.map((t) => t.id));
    return {
      phone,
      activeFlag: flags.find((f) => f.clearedAt === null) ?? null,
      flags,
      tickets: found.tickets,
      ticketCount: found.total,
    };
  }
}
