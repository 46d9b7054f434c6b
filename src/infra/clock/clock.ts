/**
 * The source of "now" for domain code. Injected everywhere, so tests move time
 * instead of sleeping, and every timestamp of one command is the same instant.
 *
 * @example
 * constructor(@Inject(CLOCK) private readonly clock: Clock) {}
 * const now = this.clock.now();
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
