import type { Clock } from '../../src/infra/clock/clock';

/** A clock the test moves by hand: time passes only when the test says so. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-11-28T02:00:00Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}
