// The delivery domain's public face: the relay, and how a delivery target plugs in.
export { DeliveryModule } from './delivery.module';
export { DeliveryTargets } from './relay/delivery-target';
export type { DeliveryTarget } from './relay/delivery-target';
export { OutboxRelay } from './relay/outbox-relay';
export type { RelayResult } from './relay/outbox-relay';
