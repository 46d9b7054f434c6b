// The shared kernel: what every domain may build on. Nothing domain-specific lives here.
export { DomainException } from './domain-exception';
export { OutboxMessage } from './outbox/outbox-message.entity';
