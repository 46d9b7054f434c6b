import { Module } from '@nestjs/common';
import { RateLimitPruner } from './rate-limit.pruner';
import { RateLimiter } from './rate-limiter';

/**
 * Provides the shared {@link RateLimiter}. The GraphQL limits and the security
 * headers need no module: they are options of Apollo and a Fastify hook.
 *
 * @example
 * @Module({ imports: [SecurityModule] })
 * export class IdentityModule {} // then inject RateLimiter
 */
@Module({ providers: [RateLimiter, RateLimitPruner], exports: [RateLimiter] })
export class SecurityModule {}
