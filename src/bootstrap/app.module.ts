import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '../../config/app.config';
import type { OpdModuleDefinition } from '../core/opd';
import { OpdModule } from '../core/opd/opd.module';
import { ReferenceModule } from '../core/reference/reference.module';
import type { Clock } from '../infra/clock/clock';
import { ClockModule } from '../infra/clock/clock.module';
import { TicketModule } from '../core/ticket/ticket.module';
import { SlaModule } from '../core/sla/sla.module';
import { IdentityModule } from '../core/identity/identity.module';
import { ScheduleModule } from '@nestjs/schedule';
import { ConfigModule } from '../infra/config/config.module';
import { buildOrmOptions } from './mikro-orm.options';
import { GraphqlApiModule } from '../infra/graphql/graphql.module';
import { HealthModule } from '../infra/health/health.module';
import { LoggingModule } from '../infra/logging/logging.module';
import { PgListenerModule } from '../infra/database/pg-listener.module';
import { DeliveryModule } from '../core/delivery/delivery.module';
import { CallerModule } from '../core/caller/caller.module';
import type { MetricsScope } from '../infra/metrics/metrics.exposition';
import { MetricsModule } from '../infra/metrics/metrics.module';
import { NotificationsModule } from '../core/delivery/notifications/notifications.module';
import { DeadLettersModule } from '../core/delivery/dead-letters/dead-letters.module';
import { AttachmentModule } from '../core/attachment/attachment.module';
import { Open311Module } from '../core/open311';
import { ChannelModule, ChannelOutboundModule } from '../core/channel';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database actually used: the configured one or the embedded server's. */
  databaseUrl: string;
  /** Tests hand in a clock they control; production uses the system clock. */
  clock?: Clock;
  /** The enabled OPD modules (config/opd-modules.ts), in order. */
  opdModules: readonly OpdModuleDefinition[];
  /** 'cluster' in a node:cluster worker (GET /metrics then covers every worker); default 'process'. */
  metricsScope?: MetricsScope;
}

/** The application root; built from already validated configuration. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, clock, opdModules, metricsScope = 'process' }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        CqrsModule.forRoot(),
        LoggingModule.forRoot(config),
        // Before the domains: each declares its instruments against the registry this provides.
        MetricsModule.forRoot({ token: config.metrics.token, scope: metricsScope }),
        MikroOrmModule.forRoot({
          ...buildOrmOptions(databaseUrl, config.database.poolMax),
          // Every handler forks its own EntityManager; a per-request context would be unused work.
          registerRequestContext: false,
        }),
        PgListenerModule.forRoot(databaseUrl),
        GraphqlApiModule.forRoot(config),
        HealthModule,
        ReferenceModule,
        OpdModule.forRoot(opdModules, { ...config.rollout, timeZone: config.tickets.timeZone }),
        TicketModule.forRoot(config.tickets),
        ScheduleModule.forRoot(),
        SlaModule.forRoot(config.sla),
        IdentityModule.forRoot(config.auth),
        CallerModule,
        DeliveryModule.forRoot(config.delivery),
        NotificationsModule,
        DeadLettersModule,
        AttachmentModule.forRoot(config.attachments),
        Open311Module.forRoot({ ...config.open311, anonymousLimitPerMinute: config.auth.publicLimitPerMinute, timeZone: config.tickets.timeZone }),
        ChannelModule.forRoot(config.channels),
        ChannelOutboundModule.forRoot({ channels: config.channels, outbound: config.channelOutbound }),
      ],
    };
  }
}
