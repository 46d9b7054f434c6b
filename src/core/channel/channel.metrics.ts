import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../infra/clock/clock';
import { entityManagerSql } from '../../infra/database/sql-runner';
import { type Counter, DURATION_BUCKETS, type Histogram, MetricsRegistry } from '../../infra/metrics/metrics.registry';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';
import { ConversationStore } from './infrastructure/conversation.store';

/** Seconds, from 10 s to a day: how long a citizen waits for a first answer. */
const FIRST_RESPONSE_BUCKETS = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/**
 * The channel domain's instruments (docs/metrics.md, docs/channels.md).
 * Labels are the platform and a fixed outcome, never a sender or account id.
 */
@Injectable()
export class ChannelMetrics {
  /** Inbound messages by platform and outcome: stored, duplicate. */
  readonly inbound: Counter<'platform' | 'outcome'>;
  /** Deliveries or items refused: bad_signature, bad_secret, unknown_account, inactive_account, malformed, not_configured. */
  readonly refused: Counter<'platform' | 'reason'>;
  /** Status callbacks applied (advanced) or ignored (stale, unknown message). */
  readonly statuses: Counter<'platform' | 'outcome'>;
  /** Webhook handling time, from the request to the answer (after the durable write). */
  readonly webhookSeconds: Histogram<'platform'>;
  /** From the first unanswered message to the first reply (recorded by the outbound side through ConversationReplies). */
  readonly firstResponseSeconds: Histogram<'platform'>;
  /** First replies later than CHANNEL_FIRST_RESPONSE_MINUTES. */
  readonly firstResponseBreaches: Counter<'platform'>;

  private readonly slaSeconds: number;

  /** A first reply was sent after the citizen waited `waitedMs` (null: nothing was waiting). */
  observeFirstResponse(platform: string, waitedMs: number | null): void {
    if (waitedMs === null) return;
    this.firstResponseSeconds.observe({ platform }, waitedMs / 1000);
    if (waitedMs / 1000 > this.slaSeconds) this.firstResponseBreaches.inc({ platform });
  }

  constructor(metrics: MetricsRegistry, em: EntityManager, @Inject(CLOCK) clock: Clock, @Inject(CHANNEL_SETTINGS) settings: ChannelSettings) {
    this.slaSeconds = settings.firstResponseMs / 1000;
    this.inbound = metrics.counter({ name: 'sigap_channel_inbound_messages_total', help: 'Inbound social-media messages, by platform and outcome (stored, duplicate)', labelNames: ['platform', 'outcome'] });
    this.refused = metrics.counter({
      name: 'sigap_channel_webhook_refused_total',
      help: 'Webhook deliveries or items refused, by platform and reason (bad_signature, bad_secret, unknown_account, inactive_account, malformed, not_configured)',
      labelNames: ['platform', 'reason'],
    });
    this.statuses = metrics.counter({ name: 'sigap_channel_status_callbacks_total', help: 'Delivery status callbacks, by platform and outcome (applied, stale)', labelNames: ['platform', 'outcome'] });
    this.webhookSeconds = metrics.histogram({ name: 'sigap_channel_webhook_seconds', help: 'Seconds to answer a platform webhook (after its durable write), by platform', labelNames: ['platform'], buckets: DURATION_BUCKETS });
    this.firstResponseSeconds = metrics.histogram({
      name: 'sigap_channel_first_response_seconds', help: 'Seconds from the first unanswered social message to the first reply, by platform', labelNames: ['platform'], buckets: FIRST_RESPONSE_BUCKETS,
    });
    this.firstResponseBreaches = metrics.counter({ name: 'sigap_channel_first_response_breaches_total', help: 'First replies later than CHANNEL_FIRST_RESPONSE_MINUTES, by platform', labelNames: ['platform'] });
    // Read from the table at scrape time: every worker reads the same rows, so they combine by max.
    let reading: Promise<{ waiting: number; overdue: number; oldestSeconds: number }> | null = null;
    const read = () => {
      reading ??= ConversationStore.waitingStats(entityManagerSql(em.fork()), clock.now(), settings.firstResponseMs).finally(() => setImmediate(() => (reading = null)));
      return reading;
    };
    metrics.gauge({ name: 'sigap_channel_conversations_waiting', help: 'Conversations waiting for a call taker (state WAITING)', cluster: 'max', collect: async (g) => g.set((await read()).waiting) });
    metrics.gauge({
      name: 'sigap_channel_conversations_overdue', help: 'Unanswered conversations waiting longer than CHANNEL_FIRST_RESPONSE_MINUTES', cluster: 'max', collect: async (g) => g.set((await read()).overdue),
    });
    metrics.gauge({
      name: 'sigap_channel_oldest_waiting_seconds', help: 'Seconds the longest-waiting unanswered conversation has waited (0: none)', cluster: 'max', collect: async (g) => g.set((await read()).oldestSeconds),
    });
  }
}
