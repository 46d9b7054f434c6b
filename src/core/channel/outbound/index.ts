// The outbound half of the channel domain: replies and milestones to citizens.
export { ChannelOutboundQueue, OutboundPurpose, OutboundStatus } from './domain/outbound-queue.entity';
export { ChannelTemplate } from './domain/channel-template.entity';
