import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { classifyDatabaseError } from '../../../../infra/database/database-errors';
import { PgListener } from '../../../../infra/database/pg-listener';
import { CHANNEL_OUTBOUND_SETTINGS, ChannelOutboundSettings } from './channel-adapters';
import { OutboundDispatcher } from './outbound-dispatcher';
import { CHANNEL_OUTBOUND_CHANNEL } from './outbound-queue.store';

/**
 * Keeps channel messages flowing: woken when a transaction commits new queue
 * rows (NOTIFY), after a lost LISTEN connection, and on a backstop interval
 * that also picks up retries whose backoff has passed and leases that ran
 * out. Rounds never overlap within a process; across processes rows are
 * leased. Off with CHANNEL_DISPATCHER_ENABLED=false (tests drive it).
 */
@Injectable()
export class OutboundDispatcherScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ChannelOutbound');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private outage = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dispatcher: OutboundDispatcher,
    private readonly listener: PgListener,
    @Inject(CHANNEL_OUTBOUND_SETTINGS) private readonly settings: ChannelOutboundSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.outbound.dispatcherEnabled) return;
    await this.listener.listen(CHANNEL_OUTBOUND_CHANNEL, () => this.kick());
    this.listener.onReconnect(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.settings.outbound.pollMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs a round now, or right after the one in progress. */
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
        const result = await this.dispatcher.dispatchOnce();
        if (this.outage) this.logger.log('The channel dispatcher reaches the database again');
        this.outage = false;
        if (result.claimed < this.settings.outbound.concurrency || this.stopped) return;
      }
    } catch (error) {
      // An outage is logged once, not every second; anything else is our bug and logged each time.
      if (classifyDatabaseError(error) === 'UNAVAILABLE') {
        if (!this.outage) this.logger.error({ err: error }, 'The channel dispatcher cannot reach the database; retrying');
        this.outage = true;
      } else {
        this.logger.error({ err: error }, 'The channel dispatcher failed');
      }
    }
  }
}
