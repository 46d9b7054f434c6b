// The channel domain's public face: social-media intake (webhooks, official
// accounts, the conversation inbox). Other domains and the composition root
// import from here only.
export { OfficialAccount } from './domain/official-account.entity';
export { ChannelConversation } from './domain/channel-conversation.entity';
export { ChannelLocation, ChannelMessage } from './domain/channel-message.entity';
export { ChannelEvent } from './domain/channel-event.entity';
export {
  ChannelEventType,
  ChannelPlatform,
  ConversationState,
  MESSAGE_STATUS_RANK,
  MessageDirection,
  MessageKind,
  MessageStatus,
} from './domain/channel.enums';
export { ChannelException, ChannelErrorCode } from './domain/channel.exception';
export type { InboundMessage, StatusCallback, ParsedDelivery, SharedLocation } from './domain/inbound';
export { ChannelModule } from './channel.module';
export { CHANNEL_SETTINGS } from './channel-settings';
export type { ChannelSettings } from './channel-settings';
export { ChannelMetrics } from './channel.metrics';
export { ChannelIntake } from './application/channel-intake';
export type { IntakeResult } from './application/channel-intake';
export { ConversationInbox } from './application/conversation-inbox';
export { OfficialAccounts } from './application/official-accounts';
// The conversation tables' SQL (recordReply for the outbound side: the first-response SLA's one definition).
export { ConversationStore, CONVERSATION_TOPIC, conversationIdFor, insertEvent } from './infrastructure/conversation.store';
export type { ConversationRow, MessageRow, ClaimOutcome } from './infrastructure/conversation.store';
export { channelWebhookRoutes, META_WEBHOOK_PATH, TELEGRAM_WEBHOOK_PATH } from './webhooks/channel-webhook.routes';
export type { WebhookServer } from './webhooks/channel-webhook.routes';
export { verifyMetaSignature, metaSignature } from './webhooks/meta-signature';
export { ChannelConversationModel, ChannelMessageModel, REPLY_WINDOW_MS } from './api/conversation.graphql';
export { OfficialAccountModel } from './api/official-account.graphql';
// Outbound: replies and ticket milestones to citizens (the queue, templates, dispatcher).
export * from './outbound';
