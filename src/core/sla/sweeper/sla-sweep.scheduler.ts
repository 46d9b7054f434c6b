import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SLA_SETTINGS, SlaSettings } from '../application/sla-settings';
import { SlaSweeper } from './sla-sweeper';

const INTERVAL_NAME = 'sla-sweep';

/**
 * Runs the sweep on every instance: an interval (@nestjs/schedule) as the
 * durable backstop, and a timer set to the next due threshold so warnings and
 * breaches are recorded at their time, not up to an interval late. Timers
 * hold nothing: every due moment is in the database, and a restarted or
 * second instance finds it there.
 */
@Injectable()
export class SlaSweepScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SlaSweeper');
  private running: Promise<void> | null = null;
  private again = false;
  private precise: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly sweeper: SlaSweeper,
    private readonly registry: SchedulerRegistry,
    @Inject(SLA_SETTINGS) private readonly settings: SlaSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.sweepEnabled) return;
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => this.trigger(), this.settings.sweepIntervalMs));
    this.trigger();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    if (this.precise) clearTimeout(this.precise);
    await this.running;
  }

  /** Starts a sweep unless one runs; then one more runs right after it. */
  private trigger(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.trigger();
      }
    });
  }

  private async loop(): Promise<void> {
    try {
      // A full batch means more may be due: keep going before sleeping.
      let result;
      do {
        result = await this.sweeper.sweepOnce(null, this.settings.sweepBatch);
        if (result.recorded > 0) this.logger.log(`recorded ${result.recorded} SLA warning(s)/breach(es)`);
      } while (result.claimed === this.settings.sweepBatch && !this.stopped);
      await this.armPreciseTimer();
    } catch (error) {
      // The next tick retries; nothing is lost, the due rows stay due.
      this.logger.error(`SLA sweep failed: ${(error as Error).message}`);
    }
  }

  /** Wakes at the next due threshold if it comes before the next tick. */
  private async armPreciseTimer(): Promise<void> {
    const { next, now } = await this.sweeper.nextDue(null);
    if (this.precise) clearTimeout(this.precise);
    this.precise = null;
    if (!next || this.stopped) return;
    const wait = next.getTime() - now.getTime();
    if (wait >= this.settings.sweepIntervalMs) return;
    // Already due but not claimed: another instance holds it; look again shortly, not in a spin.
    this.precise = setTimeout(() => this.trigger(), wait > 0 ? wait : 50);
  }
}
