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
// Outbound: replies and ticket milestones to citizens (the queue, templates, dispatcher).
export * from './outbound';
