import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../infra/clock/clock';
import { entityManagerSql, SqlRunner } from '../../../../infra/database/sql-runner';
import { nextAttemptAt, parseRetryAfter } from '../domain/retry-policy';
import { signedHeaders } from '../domain/webhook-signature';
import { AttemptRecord, ClaimedDelivery, WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookSender } from './webhook-sender';
import { DeliveryMetrics } from '../../delivery.metrics';
import { leaseMs, WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** What one dispatch round did. */
export interface DispatchResult {
  readonly claimed: number;
  readonly delivered: number;
  /** Failed and to be retried. */
  readonly retrying: number;
  readonly dead: number;
  /** Answered 410 Gone: the endpoint is now disabled. */
  readonly gone: number;
}

/**
 * Sends due webhook deliveries: claims them in a short transaction (a lease,
 * `FOR UPDATE SKIP LOCKED`: instances share the work, a crashed one's
 * deliveries are taken again once its lease has run out), sends outside any
 * transaction, and records each attempt: delivered, retried with backoff and
 * jitter (or after the receiver's Retry-After), dead-lettered after the last
 * attempt, or the endpoint disabled on 410 Gone.
 *
 * @example
 * const { delivered } = await dispatcher.dispatchOnce(); // tests; the scheduler keeps deliveries flowing in production
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private sender: WebhookSender;

  constructor(
    private readonly em: EntityManager,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
  ) {
    this.sender = new WebhookSender(settings);
  }

  /** Tests replace how host names resolve (the SSRF check runs on what this returns). */
  useSender(sender: WebhookSender): void {
    this.sender.close();
    this.sender = sender;
  }

  onApplicationShutdown(): void {
    this.sender.close();
  }

  /** Leases up to `limit` due deliveries for this dispatcher. */
  async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    // One statement (select for update skip locked, then set the lease): atomic on its own, no BEGIN/COMMIT needed.
    return WebhookDeliveryStore.claim(entityManagerSql(this.em.fork()), now, limit, new Date(now.getTime() + leaseMs(this.settings)), randomUUID());
  }

  /** Sends one claimed delivery and records how it went. */
  async deliver(delivery: ClaimedDelivery): Promise<AttemptRecord> {
    const body = JSON.stringify(delivery.payload);
    const headers = signedHeaders(delivery.secrets, delivery.messageId, this.clock.now(), body);
    let record: AttemptRecord;
    try {
      const outcome = await this.sender.send(delivery.url, headers, body);
      const now = this.clock.now();
      const attempt = delivery.attempts + 1;
      record = outcome.kind === 'failed'
        ? { ...outcome, retryAt: nextAttemptAt(attempt, this.settings, now, parseRetryAfter(outcome.retryAfter, now)) }
        : outcome;
    } catch (error) {
      // The sender answers every network failure itself; this is a bug of ours, retried like a failure.
      record = { kind: 'failed', statusCode: null, error: error instanceof Error ? error.message : String(error), retryAt: nextAttemptAt(delivery.attempts + 1, this.settings, this.clock.now(), null) };
    }
    // Only a 410 writes more than the delivery's own row (the endpoint, its other deliveries).
    const kept = await this.write((sql) => WebhookDeliveryStore.record(sql, delivery, record, this.clock.now()), delivery.endpointId, record.kind !== 'gone');
    if (kept) this.count(delivery, record);
    if (record.kind !== 'delivered' && kept) {
      // Never the URL's query, the headers or the body: they may carry a receiver's token.
      this.logger.warn(
        { deliveryId: delivery.id, endpointId: delivery.endpointId, webhookId: delivery.messageId, attempt: delivery.attempts + 1, statusCode: record.statusCode, error: record.error, outcome: record.kind === 'gone' ? 'endpoint disabled' : record.retryAt ? 'retrying' : 'dead-lettered' },
        'A webhook attempt failed',
      );
    }
    return record;
  }

  /** One round: claim up to `limit` (default: the concurrency), send them all at once, record each. */
  async dispatchOnce(limit = this.settings.concurrency): Promise<DispatchResult> {
    const claimed = await this.claim(limit);
    const records = await Promise.all(claimed.map((d) => this.deliver(d)));
    return {
      claimed: claimed.length,
      delivered: records.filter((r) => r.kind === 'delivered').length,
      retrying: records.filter((r) => r.kind === 'failed' && r.retryAt).length,
      dead: records.filter((r) => r.kind === 'failed' && !r.retryAt).length,
      gone: records.filter((r) => r.kind === 'gone').length,
    };
  }

  /** Deletes finished deliveries older than the retention, a batch at a time; returns how many. */
  async prune(batch = 5_000): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.settings.retentionMs);
    let total = 0;
    for (;;) {
      const n = await WebhookDeliveryStore.prune(entityManagerSql(this.em.fork()), before, batch);
      total += n;
      if (n < batch) return total;
    }
  }

  private count(delivery: ClaimedDelivery, record: AttemptRecord): void {
    const outcome = record.kind === 'delivered' ? 'delivered' : record.kind === 'gone' ? 'gone' : record.retryAt ? 'retry' : 'dead_letter';
    this.metrics.webhookAttempts.inc({ outcome });
    if (record.kind === 'delivered') {
      this.metrics.latency.observe({ target: 'webhook' }, Math.max(0, this.clock.now().getTime() - Date.parse(delivery.payload.timestamp)) / 1000);
    }
  }

  private async write(work: (sql: SqlRunner) => Promise<boolean>, endpointId: string, single: boolean): Promise<boolean> {
    try {
      // One statement commits on its own; a BEGIN and COMMIT around it are two more round trips per webhook.
      if (single) return await work(entityManagerSql(this.em.fork()));
      return await this.em.fork().transactional((tx) => work(entityManagerSql(tx)));
    } catch (error) {
      // The lease runs out and another attempt follows: a lost record costs a duplicate, never a loss.
      this.logger.error({ err: error, endpointId }, 'Recording a webhook attempt failed');
      return false;
    }
  }
}
