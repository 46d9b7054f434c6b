// The delivery domain's public face: the relay, and how a delivery target plugs in.
export { DeliveryModule } from './delivery.module';
export { DeliveryTargets } from './relay/delivery-target';
export type { DeliveryTarget } from './relay/delivery-target';
export { OutboxRelay } from './relay/outbox-relay';
export type { RelayResult } from './relay/outbox-relay';
// Staff notifications: pushing a published batch's new notifications to screens (one query per batch).
export { NotificationsModule } from './notifications/notifications.module';
export { NotificationInbox } from './notifications/notification-inbox.service';
export type { NotificationPage } from './notifications/notification-inbox.service';
export type { NotificationRecord } from './notifications/staff-notification.repository';
export { NotificationSeverity } from './notifications/staff-notification.entity';
export { DeadLettersModule } from './dead-letters/dead-letters.module';
