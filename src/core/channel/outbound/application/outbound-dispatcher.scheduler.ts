import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgListener } from '../../../../infra/database/pg-listener';
import { SerialDrain } from '../../../../infra/database/serial-drain';
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
  private readonly drain = new SerialDrain(this.logger, 'The channel dispatcher', async () => {
    const result = await this.dispatcher.dispatchOnce();
    return result.claimed >= this.settings.outbound.concurrency;
  });
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
    if (this.timer) clearInterval(this.timer);
    await this.drain.stop();
  }

  /** Runs a round now, or right after the one in progress. */
  kick(): void {
    this.drain.kick();
  }
}
