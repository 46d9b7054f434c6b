import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';

/**
 * Provides the shared {@link RateLimiter}. The GraphQL limits and the security
 * headers need no module: they are options of Apollo and a Fastify hook.
 *
 * @example
 * @Module({ imports: [SecurityModule] })
 * export class IdentityModule {} // then inject RateLimiter
 */
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class SecurityModule {}
