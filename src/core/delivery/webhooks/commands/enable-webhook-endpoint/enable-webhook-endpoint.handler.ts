import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import type { Actor } from '../../../../actor';
import { endpointFor } from '../../application/endpoint-access';
import { WebhookEndpoint } from '../../domain/webhook-endpoint.entity';

/**
 * Starts a disabled endpoint again (after a 410 Gone, or a person's stop):
 * messages relayed from now on reach it; what was cancelled meanwhile is
 * redelivered only on request (`redeliverWebhook`). Idempotent.
 *
 * @example
 * await enable.execute(endpointId, admin);
 */
@Injectable()
export class EnableWebhookEndpointHandler {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, actor: Actor): Promise<WebhookEndpoint> {
    return this.em.fork().transactional(async (tx) => {
      const endpoint = await endpointFor(tx, id, actor, true);
      if (endpoint.disabledAt) {
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.updatedAt = this.clock.now();
      }
      return endpoint;
    });
  }
}
