// The delivery domain's public face: the relay, and how a delivery target plugs in.
export { DeliveryModule } from './delivery.module';
export { DeliveryTargets } from './relay/delivery-target';
export type { DeliveryTarget } from './relay/delivery-target';
export { OutboxRelay } from './relay/outbox-relay';
export type { RelayResult } from './relay/outbox-relay';
export { WebhookDispatcher } from './webhooks/application/webhook-dispatcher';
export type { DispatchResult } from './webhooks/application/webhook-dispatcher';
export { WebhookSender } from './webhooks/application/webhook-sender';
export type { Resolver as WebhookResolverFn, SendOutcome } from './webhooks/application/webhook-sender';
export { WebhookEvent } from './webhooks/domain/webhook-event';
export { WebhookDeliveryStatus } from './webhooks/domain/webhook-delivery.entity';
export { DeliveryMetrics } from './delivery.metrics';
// Staff notifications: pushing a published batch's new notifications to screens (one query per batch).
export { NotificationsModule } from './notifications/notifications.module';
export { NotificationInbox } from './notifications/notification-inbox.service';
export type { NotificationPage } from './notifications/notification-inbox.service';
export type { NotificationRecord } from './notifications/staff-notification.repository';
export { NotificationSeverity } from './notifications/staff-notification.entity';
export { DeadLettersModule } from './dead-letters/dead-letters.module';
// Subscriptions of other domains follow the same published stream (conversationUpdated).
export { PublishedStream } from './subscriptions/published-stream';
export { subscriptionFeed } from './subscriptions/subscription-feed';
export { parseCursor } from './subscriptions/cursor';
