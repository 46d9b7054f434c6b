import { EntityManager } from '@mikro-orm/postgresql';
import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { entityManagerSql } from '../../infra/database/sql-runner';
import { OpdRegistry } from '../opd';
import { Clock, CLOCK } from '../../infra/clock/clock';
import { TICKET_EVENT_SINK } from '../ticket';
import { SlaCatalog } from './application/sla-catalog';
import { SlaClockWriter } from './application/sla-clock.writer';
import { CORE_POLICIES, modulePolicies } from './application/sla-defaults';
import { seedSla } from './application/sla-seed';
import { SLA_SETTINGS, SlaSettings } from './application/sla-settings';
import { SlaSweepScheduler } from './sweeper/sla-sweep.scheduler';
import { CalendarAdmin } from './application/calendar-admin';
import { EscalationQueries } from './application/escalation-queries';
import { SlaCompliance } from './application/sla-compliance';
import { SlaComplianceFolder } from './application/sla-compliance.folder';
import { SlaPolicyAdmin } from './application/sla-policy.admin';
import { SlaReevaluation } from './application/sla-reevaluation';
import { SlaCalendarResolver } from './api/sla-calendar.resolver';
import { SlaComplianceByOpdResolver, SlaEscalationResolver } from './api/sla-escalation.resolver';
import { SlaPolicyResolver } from './api/sla-policy.resolver';
import { TicketSlaResolver } from './api/ticket-sla.resolver';
import './api/sla-graphql.enums';
import { SlaSweeper } from './sweeper/sla-sweeper';
import { TicketDueTimes } from './application/ticket-due-times';
import { SlaBoardReader } from './application/sla-board';
import { SlaBoardResolver } from './api/sla-board.resolver';
import { SlaMetrics } from './application/sla.metrics';
import { SweepWakeup } from './sweeper/sweep-wakeup';

/**
 * The SLA engine: policies, calendars, per-ticket clocks kept in the ticket
 * events' transactions, the sweeper that records warnings and breaches, and
 * their GraphQL API. The ticket module sees it only as a TicketEventSink.
 */
@Global()
@Module({})
export class SlaModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('SlaModule');

  constructor(
    private readonly em: EntityManager,
    private readonly registry: OpdRegistry,
    private readonly catalog: SlaCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  static forRoot(settings: SlaSettings): DynamicModule {
    return {
      module: SlaModule,
      providers: [
        { provide: SLA_SETTINGS, useValue: settings },
        SlaCatalog,
        SlaClockWriter,
        { provide: TICKET_EVENT_SINK, useExisting: SlaClockWriter },
        SlaMetrics,
        SlaSweeper,
        SweepWakeup,
        SlaSweepScheduler,
        SlaPolicyAdmin,
        SlaReevaluation,
        CalendarAdmin,
        EscalationQueries,
        SlaCompliance,
        SlaComplianceFolder,
        SlaBoardReader,
        TicketDueTimes,
        SlaBoardResolver,
        TicketSlaResolver,
        SlaPolicyResolver,
        SlaCalendarResolver,
        SlaEscalationResolver,
        SlaComplianceByOpdResolver,
      ],
      exports: [TICKET_EVENT_SINK, SlaCatalog, SlaSweeper, SlaBoardReader, TicketDueTimes],
    };
  }

  // After every module's init: the OPD catalog (ladders) is synced by then.
  // The sweep scheduler starts in the same phase; a sweep before the seed finds nothing due.
  async onApplicationBootstrap(): Promise<void> {
    const defaults = [...CORE_POLICIES, ...this.registry.modules.flatMap(modulePolicies)];
    const report = await this.em.fork().transactional((tx) => seedSla(entityManagerSql(tx), defaults, this.clock.now()));
    this.catalog.invalidate();
    this.logger.log(
      `SLA: calendars +${report.calendarsAdded}, holidays +${report.holidaysAdded}, ` +
        `policies +${report.policiesAdded.length} ~${report.policiesChanged.length}`,
    );
  }
}
