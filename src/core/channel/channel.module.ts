import { DynamicModule, Module } from '@nestjs/common';
import { ConversationResolver } from './api/conversation.resolver';
import { ConversationUpdatedResolver } from './api/conversation-updated.resolver';
import { OfficialAccountResolver } from './api/official-account.resolver';
import { ChannelIntake } from './application/channel-intake';
import { ConversationInbox } from './application/conversation-inbox';
import { OfficialAccounts } from './application/official-accounts';
import { ChannelMetrics } from './channel.metrics';
import { CHANNEL_SETTINGS, type ChannelSettings } from './channel-settings';

/**
 * Social-media channels (issue 13): the official-account registry, the
 * platforms' webhooks (wired into Fastify by the composition root, see
 * channelWebhookRoutes) and the conversation inbox.
 */
@Module({})
export class ChannelModule {
  static forRoot(settings: ChannelSettings): DynamicModule {
    return {
      module: ChannelModule,
      // The outbound half (ChannelOutboundModule) records first responses in the same metrics.
      global: true,
      providers: [
        { provide: CHANNEL_SETTINGS, useValue: settings },
        ChannelMetrics,
        ChannelIntake,
        OfficialAccounts,
        ConversationInbox,
        OfficialAccountResolver,
        ConversationResolver,
        ConversationUpdatedResolver,
      ],
      exports: [CHANNEL_SETTINGS, ChannelMetrics, ChannelIntake, ConversationInbox, OfficialAccounts],
    };
  }
}
