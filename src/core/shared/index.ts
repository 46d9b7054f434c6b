// The shared kernel: what every domain may build on. Nothing domain-specific lives here.
export { DomainException } from './domain-exception';
export { OutboxMessage, OutboxStream } from './outbox/outbox-message.entity';
export { OutboxStore, OUTBOX_CHANNEL, PUBLISHED_CHANNEL } from './outbox/outbox-store';
export type { OutboxRecord, PublishedRecord, DeadLetterRecord } from './outbox/outbox-store';
