import { Logger } from '@nestjs/common';
import { classifyDatabaseError } from './database-errors';

/**
 * Drains a queue table round by round, one drain at a time in this process:
 * a kick during a drain asks for one more drain right after it (so a NOTIFY
 * that arrives mid-drain is never lost), and rounds go on while `round` says
 * there may be more. Across processes the rounds claim rows, so this only
 * keeps one process from racing itself. A database outage is logged once and
 * its end once, not every poll; any other error is our bug, logged each time.
 *
 * @example
 * const drain = new SerialDrain(logger, 'The relay', async () => (await relay.relayOnce()).more);
 * listener.listen(CHANNEL, () => drain.kick());
 * await drain.stop(); // on shutdown: no new rounds, the current one finishes
 */
export class SerialDrain {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private outage = false;

  /** `round` runs one batch and answers whether another may be waiting. */
  constructor(
    private readonly logger: Logger,
    private readonly subject: string,
    private readonly round: () => Promise<boolean>,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** A drain is in progress (or about to run again). */
  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Runs a drain now, or right after the one in progress. */
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

  /** No new drains; waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const more = await this.round();
        if (this.outage) this.logger.log(`${this.subject} reaches the database again`);
        this.outage = false;
        if (!more || this.stopped) return;
      }
    } catch (error) {
      if (classifyDatabaseError(error) === 'UNAVAILABLE') {
        if (!this.outage) this.logger.error({ err: error }, `${this.subject} cannot reach the database; retrying`);
        this.outage = true;
      } else {
        this.logger.error({ err: error }, `${this.subject} failed`);
      }
    }
  }
}
