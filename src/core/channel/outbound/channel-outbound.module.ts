import { DynamicModule, Module } from '@nestjs/common';
import { ChannelAdapters, CHANNEL_OUTBOUND_SETTINGS, ChannelOutboundSettings } from './application/channel-adapters';
import { ChannelOutboundMetrics } from './application/channel-outbound.metrics';
import { MilestoneTarget } from './application/milestone.target';
import { OutboundDispatcher } from './application/outbound-dispatcher';
import { OutboundDispatcherScheduler } from './application/outbound-dispatcher.scheduler';
import { ConversationWork, SqlConversationWork } from './application/conversation-work';
import { ChannelOutboundResolver } from './api/channel-outbound.resolver';
import { AnswerConversationHandler } from './commands/answer-conversation/answer-conversation.handler';
import { AttachConversationToTicketHandler } from './commands/attach-conversation-to-ticket/attach-conversation-to-ticket.handler';
import { CreateTicketFromConversationHandler } from './commands/create-ticket-from-conversation/create-ticket-from-conversation.handler';
import { ReplyToConversationHandler } from './commands/reply-to-conversation/reply-to-conversation.handler';
import { UpdateChannelTemplateHandler } from './commands/update-channel-template/update-channel-template.handler';

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
        ChannelOutboundMetrics,
        OutboundDispatcher,
        OutboundDispatcherScheduler,
        MilestoneTarget,
        { provide: ConversationWork, useClass: SqlConversationWork },
        ReplyToConversationHandler,
        CreateTicketFromConversationHandler,
        AttachConversationToTicketHandler,
        AnswerConversationHandler,
        UpdateChannelTemplateHandler,
        ChannelOutboundResolver,
      ],
      exports: [OutboundDispatcher],
    };
  }
}
