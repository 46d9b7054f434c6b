import { DynamicModule, Module } from '@nestjs/common';
import { WebhookResolver } from './api/webhook.resolver';
import { WebhookDispatcher } from './application/webhook-dispatcher';
import { WebhookDispatcherScheduler } from './application/webhook-dispatcher.scheduler';
import { WEBHOOK_SETTINGS, WebhookSettings } from './application/webhook-settings';
import { WebhookTarget } from './application/webhook-target';
import { CreateWebhookEndpointHandler } from './commands/create-webhook-endpoint/create-webhook-endpoint.handler';
import { DisableWebhookEndpointHandler } from './commands/disable-webhook-endpoint/disable-webhook-endpoint.handler';
import { EnableWebhookEndpointHandler } from './commands/enable-webhook-endpoint/enable-webhook-endpoint.handler';
import { RedeliverWebhookHandler } from './commands/redeliver-webhook/redeliver-webhook.handler';
import { RotateWebhookSecretHandler } from './commands/rotate-webhook-secret/rotate-webhook-secret.handler';
import { WebhookQueries } from './queries/webhook-queries';

/**
 * Outbound webhooks to OPD systems: a delivery target of the outbox relay
 * (one delivery row per matching endpoint and message), the dispatcher that
 * signs and sends them, and the GraphQL API to manage endpoints.
 */
@Module({})
export class WebhooksModule {
  static forRoot(settings: WebhookSettings): DynamicModule {
    return {
      module: WebhooksModule,
      providers: [
        { provide: WEBHOOK_SETTINGS, useValue: settings },
        WebhookTarget,
        WebhookDispatcher,
        WebhookDispatcherScheduler,
        CreateWebhookEndpointHandler,
        DisableWebhookEndpointHandler,
        EnableWebhookEndpointHandler,
        RotateWebhookSecretHandler,
        RedeliverWebhookHandler,
        WebhookQueries,
        WebhookResolver,
      ],
      exports: [WebhookDispatcher],
    };
  }
}
