import { WebhookDelivery, WebhookDeliveryStatus } from '../domain/webhook-delivery.entity';
import { WebhookEndpoint } from '../domain/webhook-endpoint.entity';
import type { WebhookEvent } from '../domain/webhook-event';
import type { WebhookDeliveryModel, WebhookEndpointModel } from './webhook.model';

/** An endpoint as the API shows it: never a secret. */
export function toWebhookEndpointModel(e: WebhookEndpoint, now: Date): WebhookEndpointModel {
  return {
    id: e.id,
    opdCode: e.opdCode,
    url: e.url,
    events: e.events as WebhookEvent[],
    active: e.disabledAt === null,
    disabledAt: e.disabledAt,
    disabledReason: e.disabledReason,
    previousSecretExpiresAt: e.previousSecretUntil && e.previousSecretUntil > now ? e.previousSecretUntil : null,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function toWebhookDeliveryModel(d: WebhookDelivery): WebhookDeliveryModel {
  return {
    id: d.id,
    endpointId: d.endpoint.id,
    webhookId: d.messageId,
    ticketId: d.ticketId,
    type: d.topic,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt,
    nextAttemptAt: d.status === WebhookDeliveryStatus.PENDING ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
    deadAt: d.deadAt,
    createdAt: d.createdAt,
  };
}
