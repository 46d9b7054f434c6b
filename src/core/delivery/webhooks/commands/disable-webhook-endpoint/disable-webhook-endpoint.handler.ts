import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { entityManagerSql } from '../../../../../infra/database/sql-runner';
import type { Actor } from '../../../../actor';
import { endpointFor } from '../../application/endpoint-access';
import { WebhookDeliveryStore } from '../../application/webhook-delivery.store';
import { WebhookEndpoint } from '../../domain/webhook-endpoint.entity';

/**
 * Stops an endpoint: no new deliveries are made for it and its pending ones
 * are cancelled (each stays listed, and can be redelivered once it is
 * enabled again). Disabling a disabled endpoint keeps the first reason.
 *
 * @example
 * await disable.execute(endpointId, 'Receiver moves to a new server', head);
 */
@Injectable()
export class DisableWebhookEndpointHandler {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, reason: string | null, actor: Actor): Promise<WebhookEndpoint> {
    const now = this.clock.now();
    return this.em.fork().transactional(async (tx) => {
      const endpoint = await endpointFor(tx, id, actor, true);
      await WebhookDeliveryStore.disableEndpoint(entityManagerSql(tx), endpoint.id, reason?.trim() || `Disabled by ${actor.userId}`, now);
      await tx.refresh(endpoint);
      return endpoint;
    });
  }
}
