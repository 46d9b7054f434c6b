import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../../../infra/graphql/api-error';
import { RateLimiter } from '../../../infra/security/rate-limiter';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { IDENTITY_SETTINGS, IdentitySettings } from '../application/identity-settings';

const MINUTE = 60_000;
const LOGIN_OPERATIONS = new Set(['Mutation.login', 'Mutation.refreshSession', 'Mutation.setupFirstAdmin']);

/**
 * Limits what anyone may call without logging in, per client address and per
 * minute, counted in PostgreSQL so several instances share one count. Login
 * attempts have a tighter budget of their own.
 *
 * @example
 * await limit.check(req, 'Mutation.login'); // throws RATE_LIMITED with retryAfterSeconds
 */
@Injectable()
export class PublicRateLimit {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(req: { headers: IncomingHttpHeaders; ip?: string }, operation: string): Promise<void> {
    const login = LOGIN_OPERATIONS.has(operation);
    const bucket = login ? 'login' : 'public';
    const limit = login ? this.settings.loginLimitPerMinute : this.settings.publicLimitPerMinute;
    const result = await this.limiter.hit(`${bucket}:${req.ip ?? 'unknown'}`, limit, MINUTE, this.clock.now());
    if (!result.allowed) {
      const retryAfterSeconds = Math.ceil(result.retryAfterMs / 1000);
      throw new ApiError('RATE_LIMITED', `Too many requests from this address; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }
}
