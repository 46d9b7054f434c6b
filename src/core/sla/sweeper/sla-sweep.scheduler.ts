import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { SerialDrain } from '../../../infra/database/serial-drain';
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
  // One sweep at a time in this process; a trigger during a sweep sweeps again right after it.
  private readonly sweeps = new SerialDrain(this.logger, 'The SLA sweep', () => this.sweepRound());
  private precise: NodeJS.Timeout | null = null;
  /** When the precise timer fires (epoch ms), to tell whether a hint comes sooner. */
  private preciseAt: number | null = null;

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
    if (this.sweeps.isStopped || wait >= this.settings.sweepIntervalMs) return;
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
    this.wakeup.listen(null);
    if (this.registry.doesExist('interval', INTERVAL_NAME)) this.registry.deleteInterval(INTERVAL_NAME);
    if (this.precise) clearTimeout(this.precise);
    await this.sweeps.stop();
  }

  /** Starts a sweep unless one runs; then one more runs right after it. */
  private trigger(): void {
    this.sweeps.kick();
  }

  /**
   * One batch; a full batch means more may be due, so the drain goes on
   * before sleeping. On failure the next tick retries: the due rows stay due.
   */
  private async sweepRound(): Promise<boolean> {
    const result = await this.sweeper.sweepOnce(null, this.settings.sweepBatch);
    if (result.recorded > 0) this.logger.log(`recorded ${result.recorded} SLA warning(s)/breach(es)`);
    if (result.claimed === this.settings.sweepBatch) return true;
    await this.armPreciseTimer();
    return false;
  }

  /** Wakes at the next due threshold if it comes before the next tick. */
  private async armPreciseTimer(): Promise<void> {
    const { next, now } = await this.sweeper.nextDue(null);
    if (this.precise) clearTimeout(this.precise);
    this.precise = null;
    this.preciseAt = null;
    if (!next || this.sweeps.isStopped) return;
    const wait = next.getTime() - now.getTime();
    if (wait >= this.settings.sweepIntervalMs) return;
    // Already due but not claimed: another instance holds it; look again shortly, not in a spin.
    this.arm(wait > 0 ? wait : 50);
  }
}
