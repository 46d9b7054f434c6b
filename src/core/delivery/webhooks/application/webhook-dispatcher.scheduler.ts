import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { classifyDatabaseError } from '../../../../infra/database/database-errors';
import { PgListener } from '../../../../infra/database/pg-listener';
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
  private claiming = false;
  private again = false;
  private stopped = false;
  private outage = false;
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
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruner) clearInterval(this.pruner);
    if (this.soon) clearTimeout(this.soon);
    // Attempts in flight end within the timeout; their results are recorded, not dropped.
    await Promise.allSettled([...this.inFlight]);
  }

  /** Fills free slots now, or right after the claim in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    void this.fill();
  }

  /**
   * After an attempt: claim a moment later, so attempts ending together are
   * refilled by one claim, not one claim (and transaction) each.
   */
  private kickSoon(): void {
    if (this.soon || this.stopped) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.kick();
    }, REFILL_DELAY_MS);
  }

  private async fill(): Promise<void> {
    this.claiming = true;
    try {
      for (;;) {
        this.again = false;
        const free = this.settings.concurrency - this.inFlight.size;
        if (free <= 0 || this.stopped) return;
        const claimed = await this.dispatcher.claim(free);
        if (this.outage) this.logger.log('The webhook dispatcher reaches the database again');
        this.outage = false;
        for (const delivery of claimed) {
          const attempt: Promise<unknown> = this.dispatcher.deliver(delivery).catch((error: unknown) => this.logger.error({ err: error }, 'A webhook attempt failed unexpectedly')).finally(() => {
            this.inFlight.delete(attempt);
            // The slot is free, and the ticket's next delivery may be due now.
            this.kickSoon();
          });
          this.inFlight.add(attempt);
        }
        // A full claim may have left more behind; a kick during the claim may have brought more.
        if (claimed.length < free && !this.again) return;
      }
    } catch (error) {
      if (classifyDatabaseError(error) === 'UNAVAILABLE') {
        if (!this.outage) this.logger.error({ err: error }, 'The webhook dispatcher cannot reach the database; retrying');
        this.outage = true;
      } else {
        this.logger.error({ err: error }, 'Claiming webhook deliveries failed');
      }
    } finally {
      this.claiming = false;
    }
  }
}
