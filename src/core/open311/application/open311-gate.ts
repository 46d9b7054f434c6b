import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { RateLimiter } from '../../../infra/security/rate-limiter';
import type { Open311Client } from '../domain/open311-client.entity';
import { Open311Error } from '../domain/open311.error';
import { OPEN311_SETTINGS, Open311Settings } from '../open311-settings';
import { Open311Clients } from './open311-clients';

const MINUTE = 60_000;

/**
 * Who may pass the Open311 edge and how often: a client's key is counted per
 * key (its own limit, or the configured one), callers without a key per
 * address; refused keys are counted per address too, so guessing costs the
 * guesser. Counts live in PostgreSQL, shared by every instance.
 *
 * @example
 * const client = await gate.client(form.api_key, req.ip); // 403 or 429 as Open311Error
 */
@Injectable()
export class Open311Gate {
  constructor(
    private readonly clients: Open311Clients,
    private readonly limiter: RateLimiter,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A call that needs a key (POSTs). */
  async client(apiKey: string | null, address: string): Promise<Open311Client> {
    let client: Open311Client;
    try {
      client = await this.clients.authenticate(apiKey);
    } catch (error) {
      if (error instanceof Open311Error) await this.count(`open311:ip:${address}`, this.settings.anonymousLimitPerMinute);
      throw error;
    }
    await this.count(`open311:key:${client.id}`, client.rateLimitPerMinute ?? this.settings.rateLimitPerMinute);
    return client;
  }

  /** A call where a key is optional (GETs): with one, it must be valid. */
  async reader(apiKey: string | null, address: string): Promise<Open311Client | null> {
    if (apiKey) return this.client(apiKey, address);
    await this.count(`open311:ip:${address}`, this.settings.anonymousLimitPerMinute);
    return null;
  }

  private async count(key: string, limit: number): Promise<void> {
    const decision = await this.limiter.hit(key, limit, MINUTE, this.clock.now());
    if (!decision.allowed) throw Open311Error.tooManyRequests(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
  }
}
