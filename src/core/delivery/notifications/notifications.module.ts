import { Global, Module } from '@nestjs/common';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationResolver } from './notification.resolver';
import { NotificationTarget } from './notification.target';

/**
 * Staff notifications: a delivery target the outbox relay writes them with,
 * the inbox API, and `NotificationInbox.notificationsFor` for pushing new
 * ones to screens (global, so the subscriptions can inject it). Needs the
 * (global) DeliveryModule for the target list.
 */
@Global()
@Module({
  providers: [NotificationTarget, NotificationInbox, NotificationResolver],
  exports: [NotificationInbox],
})
export class NotificationsModule {}
