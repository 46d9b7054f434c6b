import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { classifyDatabaseError } from '../../../../infra/database/database-errors';
import { PgListener } from '../../../../infra/database/pg-listener';
import { SerialDrain } from '../../../../infra/database/serial-drain';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WEBHOOK_CHANNEL, WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** How long a freed slot waits for others before claiming (milliseconds). */
const REFILL_DELAY_MS = 3;

/**
 * Keeps deliveries flowing: up to WEBHOOK_CONCURRENCY attempts in flight,
 * and a freed slot claims the next due delivery at once (one slow receiver
 * does not hold up the others). Woken when a relay commits new deliveries
 * (NOTIFY), after a lost LISTEN connection, and on a backstop interval that
 * also picks up retries whose backoff has passed and leases that ran out.
 */
@Injectable()
export class WebhookDispatcherScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly inFlight = new Set<Promise<unknown>>();
  // One claim at a time in this process; a kick during a claim claims again right after it.
  private readonly claims = new SerialDrain(this.logger, 'The webhook dispatcher', () => this.claimFreeSlots());
  private timer: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;

  constructor(
    private readonly dispatcher: WebhookDispatcher,
    private readonly listener: PgListener,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.dispatcherEnabled) return;
    await this.listener.listen(WEBHOOK_CHANNEL, () => this.kick());
    this.listener.onReconnect(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.settings.pollMs);
    this.timer.unref();
    // Finished deliveries go after the retention, like published outbox messages.
    this.pruner = setInterval(() => {
      this.dispatcher.prune().catch((error: unknown) => {
        if (classifyDatabaseError(error) !== 'UNAVAILABLE') this.logger.error({ err: error }, 'Pruning webhook deliveries failed');
      });
    }, 60_000);
    this.pruner.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.pruner) clearInterval(this.pruner);
    if (this.soon) clearTimeout(this.soon);
    await this.claims.stop();
    // Attempts in flight end within the timeout; their results are recorded, not dropped.
    await Promise.allSettled([...this.inFlight]);
  }

  /** Fills free slots now, or right after the claim in progress. */
  kick(): void {
    this.claims.kick();
  }

  /**
   * After an attempt: claim a moment later, so attempts ending together are
   * refilled by one claim, not one claim (and transaction) each.
   */
  private kickSoon(): void {
    if (this.soon || this.claims.isStopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.kick();
    }, REFILL_DELAY_MS);
  }

  /** Claims as many due deliveries as slots are free and starts them; true: a full claim may have left more. */
  private async claimFreeSlots(): Promise<boolean> {
    const free = this.settings.concurrency - this.inFlight.size;
    if (free <= 0) return false;
    const claimed = await this.dispatcher.claim(free);
    for (const delivery of claimed) {
      const attempt: Promise<unknown> = this.dispatcher.deliver(delivery).catch((error: unknown) => this.logger.error({ err: error }, 'A webhook attempt failed unexpectedly')).finally(() => {
        this.inFlight.delete(attempt);
        // The slot is free, and the ticket's next delivery may be due now.
        this.kickSoon();
      });
      this.inFlight.add(attempt);
    }
    return claimed.length === free;
  }
}
