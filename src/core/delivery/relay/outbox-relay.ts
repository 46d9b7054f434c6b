import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { entityManagerSql, SqlRunner } from '../../../infra/database/sql-runner';
import { OutboxRecord, OutboxStore } from '../../shared';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery-settings';
import { DeliveryTargets } from './delivery-target';
import { DeliveryMetrics } from '../delivery.metrics';

export interface RelayResult {
  /** Messages published (handed to every target) in this batch. */
  readonly published: number;
  /** Messages whose attempt failed (retried later, or dead-lettered). */
  readonly failed: number;
  /** The claim was full: more may be waiting. */
  readonly more: boolean;
}

/**
 * The outbox relay: claims pending messages (rows other relays hold are
 * skipped, so every instance shares the work), hands them to each delivery
 * target, numbers them in the published stream and marks them published,
 * all in one transaction of a few statements: a message is delivered to its
 * targets once, or not at all and retried. A message that fails is retried with backoff and
 * holds back its ticket's later messages; after the last attempt it is
 * dead-lettered for an admin to see and replay.
 *
 * @example
 * const { published } = await relay.relayOnce();
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly em: EntityManager,
    private readonly targets: DeliveryTargets,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async relayOnce(): Promise<RelayResult> {
    try {
      return await this.attempt(false);
    } catch (error) {
      // A target refused the batch and its transaction is spoilt: again, one message at a time.
      if (!(error instanceof BatchRefused)) throw error;
      return this.attempt(true);
    }
  }

  /**
   * One batch in one transaction. Usually every target takes the whole batch
   * at once; `careful` hands messages over one by one, each in a savepoint,
   * to find the ones that fail (a failed message holds back the later
   * messages of its ticket in the batch).
   */
  private async attempt(careful: boolean): Promise<RelayResult> {
    const now = this.clock.now();
    const result = await this.em.fork().transactional(async (tx) => {
      const sql = entityManagerSql(tx);
      const { records, full } = await OutboxStore.claim(sql, now, this.settings.batch);
      if (records.length === 0) return { published: 0, failed: 0, more: full, accepted: [], failures: [] };
      let accepted: OutboxRecord[] = [...records];
      let failed: Array<{ message: OutboxRecord; error: unknown }> = [];
      if (careful) ({ accepted, failed } = await this.oneByOne(sql, records, now));
      else await this.acceptAll(sql, records, now).catch((error: unknown) => Promise.reject(new BatchRefused(error)));
      for (const { message, error } of failed) {
        const retryAt = message.attempts + 1 >= this.settings.maxAttempts ? null : new Date(now.getTime() + backoffMs(message.attempts + 1, this.settings));
        this.logger.warn({ messageId: message.id, topic: message.topic, attempt: message.attempts + 1, deadLettered: !retryAt, err: error }, 'Delivering an outbox message failed');
        await OutboxStore.fail(sql, message.id, describe(error), retryAt, now);
      }
      await OutboxStore.publish(sql, accepted.map((m) => m.id), now);
      return { published: accepted.length, failed: failed.length, more: full, accepted, failures: failed };
    });
    // Counted once committed.
    const committed = this.clock.now().getTime();
    for (const message of result.accepted) {
      this.metrics.published.inc({ topic: DeliveryMetrics.family(message.topic) });
      this.metrics.latency.observe({ target: 'relay' }, Math.max(0, committed - message.createdAt.getTime()) / 1000);
    }
    for (const { message } of result.failures) {
      this.metrics.relayFailures.inc({ outcome: message.attempts + 1 >= this.settings.maxAttempts ? 'dead_letter' : 'retry' });
    }
    return { published: result.published, failed: result.failed, more: result.more };
  }

  private async oneByOne(sql: SqlRunner, batch: readonly OutboxRecord[], now: Date): Promise<{ accepted: OutboxRecord[]; failed: Array<{ message: OutboxRecord; error: unknown }> }> {
    const accepted: OutboxRecord[] = [];
    const failed: Array<{ message: OutboxRecord; error: unknown }> = [];
    const held = new Set<string>();
    for (const message of batch) {
      if (held.has(message.aggregateId)) continue;
      try {
        await inSavepoint(sql, () => this.acceptAll(sql, [message], now));
        accepted.push(message);
      } catch (error) {
        failed.push({ message, error });
        held.add(message.aggregateId);
      }
    }
    return { accepted, failed };
  }

  private async acceptAll(sql: SqlRunner, messages: readonly OutboxRecord[], now: Date): Promise<void> {
    for (const target of this.targets.all()) {
      try {
        await target.accept(sql, messages, now);
      } catch (error) {
        throw new DeliveryTargetError(target.name, error);
      }
    }
  }
}

/** A target refused a batch handed over whole: the relay retries it message by message. */
class BatchRefused extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
  }
}

/** Which target failed, kept with the message's last error. */
class DeliveryTargetError extends Error {
  constructor(readonly target: string, override readonly cause: unknown) {
    super(`${target}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function inSavepoint(sql: SqlRunner, work: () => Promise<void>): Promise<void> {
  await sql.query('savepoint relay_attempt');
  try {
    await work();
  } catch (error) {
    await sql.query('rollback to savepoint relay_attempt');
    throw error;
  }
  await sql.query('release savepoint relay_attempt');
}

/** Exponential backoff with ±20 % jitter, so retries of a burst do not come back together. */
export function backoffMs(attempt: number, settings: Pick<DeliverySettings, 'retryBaseMs' | 'retryMaxMs'>, random: () => number = Math.random): number {
  const base = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
