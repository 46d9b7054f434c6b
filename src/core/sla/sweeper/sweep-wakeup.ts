import { Injectable } from '@nestjs/common';

/** How long after a hint the sweep runs: the writing transaction commits first. */
export const HINT_DELAY_MS = 25;

/**
 * In-process news that a clock on this instance just got a threshold due
 * soon (a new ticket, a resumed hold…), so the scheduler can wake for it
 * instead of waiting for its next tick. Only an optimisation: every due
 * moment is in the database, and the interval sweep finds it anyway.
 *
 * @example
 * wakeup.hint(new Date(Date.now() + 300)); // from the clock writer
 */
@Injectable()
export class SweepWakeup {
  private listener: ((at: number) => void) | null = null;

  hint(at: Date): void {
    this.listener?.(at.getTime());
  }

  /** The scheduler's; one listener per instance. */
  listen(listener: ((at: number) => void) | null): void {
    this.listener = listener;
  }
}
