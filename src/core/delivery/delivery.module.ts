import { DynamicModule, Global, Module } from '@nestjs/common';
import { DeliveryMetrics } from './delivery.metrics';
import { DELIVERY_SETTINGS, DeliverySettings } from './relay/delivery-settings';
import { DeliveryTargets } from './relay/delivery-target';
import { OutboxRelay } from './relay/outbox-relay';
import { OutboxRelayScheduler } from './relay/outbox-relay.scheduler';
import { EscalationRaisedResolver } from './subscriptions/escalation-raised.resolver';
import { NotificationAddedResolver, NotificationPush } from './subscriptions/notification-added.resolver';
import { PublishedStream } from './subscriptions/published-stream';
import { SlaBoardSubscriptionResolver } from './subscriptions/sla-board.resolver';
import { TicketEventsResolver } from './subscriptions/ticket-events.resolver';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * Delivery: the outbox relay and what it delivers to (subscriptions,
 * webhooks to OPD systems, staff notifications). It reads what the other
 * domains wrote to the outbox; none of them knows it exists.
 */
@Global()
@Module({})
export class DeliveryModule {
  static forRoot(settings: DeliverySettings): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [WebhooksModule.forRoot(settings.webhooks)],
      providers: [
        { provide: DELIVERY_SETTINGS, useValue: settings },
        DeliveryMetrics,
        DeliveryTargets,
        OutboxRelay,
        OutboxRelayScheduler,
        PublishedStream,
        TicketEventsResolver,
        EscalationRaisedResolver,
        SlaBoardSubscriptionResolver,
        NotificationPush,
        NotificationAddedResolver,
      ],
      exports: [DeliveryTargets, OutboxRelay, PublishedStream, DeliveryMetrics],
    };
  }
}
