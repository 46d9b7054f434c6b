import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { classifyDatabaseError } from '../../../infra/database/database-errors';
import { PgListener } from '../../../infra/database/pg-listener';
import { SerialDrain } from '../../../infra/database/serial-drain';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { OUTBOX_CHANNEL, OutboxStore } from '../../shared';
import { DELIVERY_SETTINGS, DeliverySettings } from './delivery-settings';
import { OutboxRelay } from './outbox-relay';

const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 5_000;

/**
 * When the relay runs: at once when a message commits (every outbox insert
 * NOTIFYs, and this process LISTENs), after a lost LISTEN connection, and on
 * a backstop interval that also picks up retries whose backoff has passed.
 * Runs never overlap within a process; across processes rows are claimed.
 * Published messages older than the retention are pruned once a minute.
 */
@Injectable()
export class OutboxRelayScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly drain = new SerialDrain(this.logger, 'The relay', async () => {
    const result = await this.relay.relayOnce();
    return result.more && result.published + result.failed > 0;
  });
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly relay: OutboxRelay,
    private readonly listener: PgListener,
    private readonly em: EntityManager,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.relayEnabled) return;
    await this.listener.listen(OUTBOX_CHANNEL, () => this.kick());
    this.listener.onReconnect(() => this.kick());
    this.timers.push(setInterval(() => this.kick(), this.settings.pollMs), setInterval(() => void this.prune(), PRUNE_EVERY_MS));
    for (const timer of this.timers) timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.drain.stop();
  }

  /** Runs the relay now, or right after the run in progress. */
  kick(): void {
    this.drain.kick();
  }

  private async prune(): Promise<void> {
    if (this.drain.isStopped) return;
    try {
      const before = new Date(this.clock.now().getTime() - this.settings.retentionMs);
      const sql = entityManagerSql(this.em.fork());
      while ((await OutboxStore.prune(sql, before, PRUNE_BATCH)) === PRUNE_BATCH && !this.drain.isStopped);
    } catch (error) {
      if (classifyDatabaseError(error) !== 'UNAVAILABLE') this.logger.error({ err: error }, 'Pruning the outbox failed');
    }
  }
}
