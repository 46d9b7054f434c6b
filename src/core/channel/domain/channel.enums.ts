/**
 * The platforms the regency's official accounts live on (the decree's list).
 * X/Twitter is out of scope (paid API tier); TikTok and YouTube stay manual
 * (entered by call takers as a ticket's `channelPlatform`).
 */
export enum ChannelPlatform {
  WHATSAPP = 'WHATSAPP',
  MESSENGER = 'MESSENGER',
  INSTAGRAM = 'INSTAGRAM',
  TELEGRAM = 'TELEGRAM',
}

/** Where a conversation stands in the call centre's inbox. */
export enum ConversationState {
  /** A citizen wrote and no call taker holds it. Ordered by `waitingSince`. */
  WAITING = 'WAITING',
  /** One call taker holds it (`claimedBy`); nobody else may answer. */
  CLAIMED = 'CLAIMED',
  /** Done; a new inbound message makes it WAITING again. */
  CLOSED = 'CLOSED',
}

export enum MessageDirection {
  IN = 'IN',
  OUT = 'OUT',
}

/** What a message carries; attachments are kept as the platform's media id. */
export enum MessageKind {
  TEXT = 'TEXT',
  LOCATION = 'LOCATION',
  IMAGE = 'IMAGE',
  AUDIO = 'AUDIO',
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
  STICKER = 'STICKER',
  CONTACTS = 'CONTACTS',
  TEMPLATE = 'TEMPLATE',
  /** A type this version does not read (reactions, interactive replies…): kept, shown as such. */
  OTHER = 'OTHER',
}

/**
 * Delivery status of an outbound message. Platforms report them out of order
 * and more than once, so a status is applied only when its rank is higher
 * than the stored one (`WHERE status_rank < $new`). FAILED is terminal.
 */
export enum MessageStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  READ = 'READ',
  FAILED = 'FAILED',
}

/** The monotonic order of {@link MessageStatus}; stored beside it as `status_rank`. */
export const MESSAGE_STATUS_RANK: Readonly<Record<MessageStatus, number>> = {
  [MessageStatus.QUEUED]: 0,
  [MessageStatus.SENT]: 1,
  [MessageStatus.DELIVERED]: 2,
  [MessageStatus.READ]: 3,
  [MessageStatus.FAILED]: 4,
};

/** What a `channel_event` row records. */
export enum ChannelEventType {
  ACCOUNT_REGISTERED = 'ACCOUNT_REGISTERED',
  ACCOUNT_UPDATED = 'ACCOUNT_UPDATED',
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  /** First message from a sender on an account. */
  OPENED = 'OPENED',
  /** A closed conversation got a new inbound message. */
  REOPENED = 'REOPENED',
  CLAIMED = 'CLAIMED',
  RELEASED = 'RELEASED',
  CLOSED = 'CLOSED',
  /** The first reply after the conversation started waiting (the first-response SLA stops). */
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  TICKET_LINKED = 'TICKET_LINKED',
  OPTED_OUT = 'OPTED_OUT',
  OPTED_IN = 'OPTED_IN',
}
