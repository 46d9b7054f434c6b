/**
 * The reference for the rate limiter's tests: a sliding log that remembers
 * every hit of one key (allowed or refused) forever. The limiter stores only
 * a bounded part of this log; its decisions must equal these.
 *
 * A hit at `t` is allowed when fewer than `limit` earlier hits (allowed or
 * refused, whenever they arrived) lie after `t - windowMs`. Refused, it may
 * retry once the `limit`-th newest hit, this one included, is `windowMs` old.
 */
export class SlidingLogModel {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(t: number): { allowed: boolean; remaining: number; retryAfterMs: number } {
    const recent = this.times.filter((h) => h > t - this.windowMs).length;
    this.times.push(t);
    if (recent < this.limit) return { allowed: true, remaining: this.limit - recent - 1, retryAfterMs: 0 };
    const newest = [...this.times].sort((a, b) => b - a);
    return { allowed: false, remaining: 0, retryAfterMs: newest[this.limit - 1] + this.windowMs - t };
  }
}

/**
 * The most of `times` that fit in one half-open span `[a, a + windowMs)`: what
 * a limit of "at most N in any window" bounds.
 *
 * @example
 * mostInAnyWindow([0, 59_999, 60_000], 60_000); // 2
 */
export function mostInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j] <= sorted[i] - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
