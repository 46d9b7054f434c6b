import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../../../../../infra/clock/clock';
import { entityManagerSql } from '../../../../../infra/database/sql-runner';
import type { Actor } from '../../../../actor';
import { isUuid } from '../../application/endpoint-access';
import { WebhookDeliveryStore } from '../../application/webhook-delivery.store';
import { WebhookDelivery } from '../../domain/webhook-delivery.entity';
import { WebhookException } from '../../domain/webhook.exception';

/**
 * Queues a delivery again for a fresh round of attempts: a dead letter after
 * the receiver was fixed, a delivered one the receiver lost, a cancelled one
 * after its endpoint was enabled again, or a pending one to try now. It keeps
 * its message id, so the receiver sees the same `webhook-id` and can
 * recognise a repeat. Refused while an attempt is in flight.
 *
 * @example
 * const delivery = await redeliver.execute(deliveryId, admin); // status PENDING, attempts 0
 */
@Injectable()
export class RedeliverWebhookHandler {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, actor: Actor): Promise<WebhookDelivery> {
    if (!isUuid(id)) throw WebhookException.deliveryNotFound(id);
    const now = this.clock.now();
    return this.em.fork().transactional(async (tx) => {
      const delivery = await tx.findOne(WebhookDelivery, { id }, { populate: ['endpoint'] });
      if (!delivery || (actor.restrictedToOpd && delivery.endpoint.opdCode !== actor.restrictedToOpd)) throw WebhookException.deliveryNotFound(id);
      if (delivery.endpoint.disabledAt) throw WebhookException.endpointDisabled(delivery.endpoint.id);
      if (!(await WebhookDeliveryStore.requeue(entityManagerSql(tx), id, now))) throw WebhookException.deliveryInFlight(id);
      await tx.refresh(delivery);
      return delivery;
    });
  }
}
