import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../../actor';
import { WebhookEndpoint } from '../domain/webhook-endpoint.entity';
import { WebhookException } from '../domain/webhook.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The endpoint `id` as `actor` may see it: another OPD's endpoint, for an
 * actor restricted to its own, is not found, exactly like an unknown id.
 * `lock`: for a change (rotation, enabling) that must not race another.
 */
export async function endpointFor(em: EntityManager, id: string, actor: Actor, lock = false): Promise<WebhookEndpoint> {
  if (!UUID.test(id)) throw WebhookException.endpointNotFound(id);
  const endpoint = await em.findOne(WebhookEndpoint, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!endpoint || (actor.restrictedToOpd && endpoint.opdCode !== actor.restrictedToOpd)) throw WebhookException.endpointNotFound(id);
  return endpoint;
}

export const isUuid = (id: string): boolean => UUID.test(id);
