// The outbound half of the channel domain: replies and milestones to citizens.
export { ChannelOutboundQueue, OutboundPurpose, OutboundStatus } from './domain/outbound-queue.entity';
export { ChannelTemplate } from './domain/channel-template.entity';
export { ChannelOutboundModule } from './channel-outbound.module';
export { OutboundDispatcher } from './application/outbound-dispatcher';
export type { OutboundDispatchResult } from './application/outbound-dispatcher';
