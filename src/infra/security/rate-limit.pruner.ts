import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Clock, CLOCK } from '../clock/clock';
import { RateLimiter } from './rate-limiter';

/**
 * Deletes rate-limit windows nobody has hit for a day. Any instance may run
 * it; deleting twice is harmless.
 */
@Injectable()
export class RateLimitPruner {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Interval('rate-limit-prune', 60 * 60_000)
  async prune(): Promise<void> {
    try {
      await this.limiter.prune(this.clock.now());
    } catch (error) {
      this.logger.warn(`pruning rate-limit windows failed (next hour retries): ${(error as Error).message}`);
    }
  }
}
