import type { ChannelPlatform, MessageKind, MessageStatus } from './channel.enums';

/** A location the citizen shared, as the platform sent it. */
export interface SharedLocation {
  readonly latitude: number;
  readonly longitude: number;
  readonly name: string | null;
  readonly address: string | null;
}

/** One inbound message, the same for every platform once parsed. */
export interface InboundMessage {
  readonly platform: ChannelPlatform;
  /** The platform's id of the official account it was sent to (phone_number_id, Page id, IG id, bot id). */
  readonly accountId: string;
  /** Who sent it (wa_id, PSID, IGSID, Telegram chat id). */
  readonly senderHandle: string;
  readonly senderName: string | null;
  /** BCP 47, when the platform tells (Telegram's language_code). */
  readonly language: string | null;
  /** The dedupe key (see ChannelMessage). */
  readonly platformMessageId: string;
  readonly kind: MessageKind;
  readonly text: string | null;
  readonly location: SharedLocation | null;
  /** The platform's media id of an image, voice note, video or document. */
  readonly attachmentRef: string | null;
  readonly attachmentMimeType: string | null;
  /** The platform's time of the message. */
  readonly sentAt: Date;
}

/** A delivery status of one of our outbound messages. */
export interface StatusCallback {
  readonly platform: ChannelPlatform;
  readonly accountId: string;
  readonly platformMessageId: string;
  readonly status: MessageStatus;
  readonly at: Date;
  /** The platform's error (code and title) for FAILED. */
  readonly detail: string | null;
}

/** What one webhook delivery carried, parsed. */
export interface ParsedDelivery {
  readonly messages: InboundMessage[];
  readonly statuses: StatusCallback[];
  /** Items this version does not act on (echoes, read watermarks, other fields). */
  readonly ignored: number;
}
