import type { SlaSweeper } from '../../src/core/sla/sweeper/sla-sweeper';

/**
 * Part B's baseline: the durable sweep alone. Does what SlaSweepScheduler
 * does on every tick (sweep, and again while a batch comes back full) but
 * arms no precise timer: a threshold waits for the next tick. Runs inside the
 * bench, on the real SlaSweeper, for a server started with
 * SLA_SWEEP_ENABLED=false, since the server's timer cannot be switched off
 * from outside.
 */
export class IntervalSweeper {
  private interval: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  readonly errors: string[] = [];

  constructor(
    private readonly sweeper: SlaSweeper,
    private readonly intervalMs: number,
    private readonly batch: number,
  ) {}

  start(): void {
    this.interval = setInterval(() => this.trigger(), this.intervalMs);
    this.trigger();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.running;
  }

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
      let result;
      do result = await this.sweeper.sweepOnce(null, this.batch);
      while (result.claimed === this.batch && !this.stopped);
    } catch (error) {
      if (this.errors.length < 3) this.errors.push((error as Error).message);
    }
  }
}
