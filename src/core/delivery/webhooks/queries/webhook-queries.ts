import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../actor';
import { endpointFor } from '../application/endpoint-access';
import { WebhookDelivery, WebhookDeliveryStatus } from '../domain/webhook-delivery.entity';
import { WebhookEndpoint } from '../domain/webhook-endpoint.entity';

export interface DeliveryFilter {
  readonly status?: WebhookDeliveryStatus | null;
  readonly first?: number | null;
  readonly offset?: number | null;
}

/**
 * Reads endpoints and their deliveries as the actor may see them: an
 * OPD-bound actor only its own OPD's.
 *
 * @example
 * await queries.endpoints(head, null);                       // the head's OPD's endpoints
 * await queries.deliveries(endpointId, { status: 'DEAD' }, admin);
 */
@Injectable()
export class WebhookQueries {
  constructor(private readonly em: EntityManager) {}

  endpoints(actor: Actor, opdCode: string | null): Promise<WebhookEndpoint[]> {
    const own = actor.restrictedToOpd;
    if (own && opdCode && opdCode !== own) return Promise.resolve([]);
    const opd = own ?? opdCode;
    return this.em.fork().find(WebhookEndpoint, opd ? { opdCode: opd } : {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  /** Newest first; `first` defaults to 50. */
  async deliveries(endpointId: string, filter: DeliveryFilter, actor: Actor): Promise<WebhookDelivery[]> {
    const em = this.em.fork();
    const endpoint = await endpointFor(em, endpointId, actor);
    return em.find(
      WebhookDelivery,
      { endpoint: endpoint.id, ...(filter.status && { status: filter.status }) },
      { orderBy: { createdAt: 'desc', position: 'desc' }, limit: filter.first ?? 50, offset: filter.offset ?? 0 },
    );
  }
}
