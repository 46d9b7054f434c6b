import { Injectable } from '@nestjs/common';
import { type Counter, MetricsRegistry } from '../../../../infra/metrics/metrics.registry';

/**
 * The outbound side's instruments (docs/channels.md). Labels are the
 * platform, the purpose and a fixed outcome, never a recipient.
 */
@Injectable()
export class ChannelOutboundMetrics {
  /** Send attempts by platform, purpose (REPLY, MILESTONE) and outcome (sent, retry, dead, cancelled). */
  readonly attempts: Counter<'platform' | 'purpose' | 'outcome'>;

  constructor(metrics: MetricsRegistry) {
    this.attempts = metrics.counter({
      name: 'sigap_channel_outbound_attempts_total',
      help: 'Messages to citizens tried, by platform, purpose (REPLY, MILESTONE) and outcome (sent, retry, dead, cancelled)',
      labelNames: ['platform', 'purpose', 'outcome'],
    });
  }
}
