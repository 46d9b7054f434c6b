import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { classifyDatabaseError } from '../../../infra/database/database-errors';
import { PgListener } from '../../../infra/database/pg-listener';
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
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private outage = false;
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
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.running;
  }

  /** Runs the relay now, or right after the run in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const result = await this.relay.relayOnce();
        if (this.outage) this.logger.log('The relay reaches the database again');
        this.outage = false;
        if (!result.more || result.published + result.failed === 0 || this.stopped) return;
      }
    } catch (error) {
      // An outage is logged once, not every second; anything else is our bug and logged each time.
      if (classifyDatabaseError(error) === 'UNAVAILABLE') {
        if (!this.outage) this.logger.error({ err: error }, 'The relay cannot reach the database; retrying');
        this.outage = true;
      } else {
        this.logger.error({ err: error }, 'The relay failed');
      }
    }
  }

  private async prune(): Promise<void> {
    if (this.stopped) return;
    try {
      const before = new Date(this.clock.now().getTime() - this.settings.retentionMs);
      const sql = entityManagerSql(this.em.fork());
      while ((await OutboxStore.prune(sql, before, PRUNE_BATCH)) === PRUNE_BATCH && !this.stopped);
    } catch (error) {
      if (classifyDatabaseError(error) !== 'UNAVAILABLE') this.logger.error({ err: error }, 'Pruning the outbox failed');
    }
  }
}
