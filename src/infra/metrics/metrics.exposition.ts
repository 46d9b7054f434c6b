import type { OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { answerPrimaryWith, askPrimaryForClusterMetrics } from './cluster-metrics.bridge';
import { MetricsRegistry } from './metrics.registry';

/**
 * What one scrape covers: this process (a single-process server, tests), or
 * every worker of the cluster this process is a worker of.
 */
export type MetricsScope = 'process' | 'cluster';

/** The text a scrape returns, from this process or, in a cluster, from every worker through the primary. */
export class MetricsExposition implements OnApplicationShutdown {
  /** The Prometheus text format's content type (version 0.0.4). */
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly scope: MetricsScope,
  ) {
    if (scope === 'cluster') answerPrimaryWith([metrics.registry]);
  }

  collect(): Promise<string> {
    return this.scope === 'cluster' ? askPrimaryForClusterMetrics() : this.metrics.metrics();
  }

  onApplicationShutdown(): void {
    // The worker is going: the primary's next gathering gets nothing from it rather than a closed app's numbers.
    if (this.scope === 'cluster') answerPrimaryWith([]);
  }
}
