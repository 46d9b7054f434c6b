import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../infra/clock/clock';
import { entityManagerSql } from '../../infra/database/sql-runner';
import { type Counter, type Gauge, type Histogram, MetricsRegistry } from '../../infra/metrics/metrics.registry';
import { OutboxStore } from '../shared';

/** Latency buckets for delivery, in seconds: 5 ms to a minute (retries stretch the tail). */
const DELIVERY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * The delivery domain's instruments (docs/metrics.md). The backlog gauges
 * read the outbox at scrape time (every worker reads the same table, so they
 * combine by max); counters and latencies are this process's share.
 */
@Injectable()
export class DeliveryMetrics {
  /** Messages published by the relay, by topic family (ticket, sla). */
  readonly published: Counter<'topic'>;
  /** Failed relay attempts, and messages dead-lettered. */
  readonly relayFailures: Counter<'outcome'>;
  /** From a message's commit time to its hand-over, by target (relay, subscription, webhook). */
  readonly latency: Histogram<'target'>;
  /** Webhook attempts, by how they ended. */
  readonly webhookAttempts: Counter<'outcome'>;
  /** Open subscriptions on this process, by subscription. */
  readonly subscriptions: Gauge<'subscription'>;

  constructor(metrics: MetricsRegistry, em: EntityManager, @Inject(CLOCK) clock: Clock) {
    this.published = metrics.counter({ name: 'sigap_outbox_published_total', help: 'Outbox messages published by the relay, by topic family', labelNames: ['topic'] });
    this.relayFailures = metrics.counter({
      name: 'sigap_outbox_failures_total',
      help: 'Failed relay attempts (outcome=retry) and messages given up on (outcome=dead_letter)',
      labelNames: ['outcome'],
    });
    this.latency = metrics.histogram({
      name: 'sigap_delivery_latency_seconds',
      help: 'Seconds from the change (its outbox message) to its hand-over, by target: relay (published), subscription (pushed), webhook (answered 2xx)',
      labelNames: ['target'],
      buckets: DELIVERY_BUCKETS,
    });
    this.webhookAttempts = metrics.counter({
      name: 'sigap_webhook_attempts_total',
      help: 'Webhook attempts, by outcome: delivered (2xx), retry, dead_letter (last attempt failed), gone (410: endpoint disabled)',
      labelNames: ['outcome'],
    });
    this.subscriptions = metrics.gauge({
      name: 'sigap_subscriptions_open',
      help: 'Open GraphQL subscriptions, by subscription field',
      labelNames: ['subscription'],
      cluster: 'sum',
    });
    // One read of the outbox per scrape feeds the three gauges below.
    let backlog: Promise<{ pending: number; oldest: Date | null; dead: number }> | null = null;
    const read = (): Promise<{ pending: number; oldest: Date | null; dead: number }> => {
      backlog ??= OutboxStore.backlog(entityManagerSql(em.fork())).finally(() => setImmediate(() => (backlog = null)));
      return backlog;
    };
    metrics.gauge({
      name: 'sigap_outbox_backlog',
      help: 'Outbox messages not yet published (dead letters excluded)',
      cluster: 'max',
      collect: async (gauge) => gauge.set((await read()).pending),
    });
    metrics.gauge({
      name: 'sigap_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox message not yet published (0 when none)',
      cluster: 'max',
      collect: async (gauge) => {
        const { oldest } = await read();
        gauge.set(oldest ? Math.max(0, (clock.now().getTime() - oldest.getTime()) / 1000) : 0);
      },
    });
    metrics.gauge({
      name: 'sigap_outbox_dead_letters',
      help: 'Outbox messages the relay gave up on (see outboxDeadLetters)',
      cluster: 'max',
      collect: async (gauge) => gauge.set((await read()).dead),
    });
  }

  /** What a subscription feed reports: opened, each event pushed, closed. */
  feed(subscription: string): FeedObserver {
    return {
      opened: () => this.subscriptions.inc({ subscription }),
      closed: () => this.subscriptions.dec({ subscription }),
      pushed: (createdAt: Date) => this.latency.observe({ target: 'subscription' }, Math.max(0, Date.now() - createdAt.getTime()) / 1000),
    };
  }

  /** The topic family used as a label: the part before the first dot. */
  static family(topic: string): string {
    const family = topic.split('.')[0];
    return family === 'ticket' || family === 'sla' ? family : 'other';
  }
}

/** How a subscription feed reports to the metrics. */
export interface FeedObserver {
  opened(): void;
  closed(): void;
  /** An event pushed to the subscriber; `createdAt` is its message's time. */
  pushed(createdAt: Date): void;
}
