import { DynamicModule, Global, Module } from '@nestjs/common';
import { METRICS_TOKEN, MetricsController } from './metrics.controller';
import { MetricsExposition, MetricsScope } from './metrics.exposition';
import { MetricsRegistry } from './metrics.registry';

export interface MetricsModuleOptions {
  /** null: GET /metrics is not served at all (404). */
  readonly token: string | null;
  /** 'cluster' in a node:cluster worker: a scrape then covers every worker. */
  readonly scope: MetricsScope;
}

/**
 * The application's {@link MetricsRegistry} (one per app, with Node's process
 * metrics) for every domain to declare its instruments against, and the
 * protected `GET /metrics`. Global, like the clock and the configuration.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      controllers: options.token ? [MetricsController] : [],
      providers: [
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry({ processMetrics: true }) },
        { provide: METRICS_TOKEN, useValue: options.token },
        {
          provide: MetricsExposition,
          inject: [MetricsRegistry],
          useFactory: (metrics: MetricsRegistry) => new MetricsExposition(metrics, options.scope),
        },
      ],
      exports: [MetricsRegistry],
    };
  }
}
