import { DynamicModule, Module } from '@nestjs/common';
import { ChannelAdapters, CHANNEL_OUTBOUND_SETTINGS, ChannelOutboundSettings } from './application/channel-adapters';
import { MilestoneTarget } from './application/milestone.target';
import { OutboundDispatcher } from './application/outbound-dispatcher';
import { OutboundDispatcherScheduler } from './application/outbound-dispatcher.scheduler';

/**
 * The channel's outbound half: the platform adapters, the queue's
 * dispatcher, the outbox relay's milestone target, and the call takers'
 * commands that answer citizens (reply, ticket from a conversation, attach,
 * answer an information request) with the templates' admin API.
 */
@Module({})
export class ChannelOutboundModule {
  static forRoot(settings: ChannelOutboundSettings): DynamicModule {
    return {
      module: ChannelOutboundModule,
      providers: [
        { provide: CHANNEL_OUTBOUND_SETTINGS, useValue: settings },
        ChannelAdapters,
        OutboundDispatcher,
        OutboundDispatcherScheduler,
        MilestoneTarget,
      ],
      exports: [OutboundDispatcher],
    };
  }
}
