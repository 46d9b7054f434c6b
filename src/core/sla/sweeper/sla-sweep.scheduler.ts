import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SLA_SETTINGS, SlaSettings } from '../application/sla-settings';
import { SlaSweeper } from './sla-sweeper';
import { HINT_DELAY_MS, SweepWakeup } from './sweep-wakeup';

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
  /** When the precise timer fires (epoch ms), to tell whether a hint comes sooner. */
  private preciseAt: number | null = null;
  private stopped = false;

  constructor(
    private readonly sweeper: SlaSweeper,
    private readonly registry: SchedulerRegistry,
    @Inject(SLA_SETTINGS) private readonly settings: SlaSettings,
    private readonly wakeup: SweepWakeup,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.sweepEnabled) return;
    this.registry.addInterval(INTERVAL_NAME, setInterval(() => this.trigger(), this.settings.sweepIntervalMs));
    this.wakeup.listen((at) => this.hinted(at));
    this.trigger();
  }

  /** A clock written here is due before the timer: wake for it (just after its transaction commits). */
  private hinted(at: number): void {
    const wait = Math.max(at - Date.now(), 0) + HINT_DELAY_MS;
    if (this.stopped || wait >= this.settings.sweepIntervalMs) return;
    if (this.preciseAt !== null && this.preciseAt <= Date.now() + wait) return;
    this.arm(wait);
  }

  private arm(wait: number): void {
    if (this.precise) clearTimeout(this.precise);
    this.preciseAt = Date.now() + wait;
    this.precise = setTimeout(() => {
      this.precise = null;
      this.preciseAt = null;
      this.trigger();
    }, wait);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeup.listen(null);
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
    this.preciseAt = null;
    if (!next || this.stopped) return;
    const wait = next.getTime() - now.getTime();
    if (wait >= this.settings.sweepIntervalMs) return;
    // Already due but not claimed: another instance holds it; look again shortly, not in a spin.
    this.arm(wait > 0 ? wait : 50);
  }
}
