import type { Actor } from '../../../../actor';

/** What ReplyToConversationCommand is built from. */
export interface ReplyToConversationParams {
  readonly conversationId: string;
  /** Free text (inside WhatsApp's 24-hour window). */
  readonly text?: string | null;
  /** A template's key (e.g. FOLLOW_UP): the only way to write outside the window. */
  readonly templateKey?: string | null;
  /** The client's retry key: sending it again queues nothing new. */
  readonly idempotencyKey?: string | null;
  readonly actor: Actor;
}

/** A call taker's reply to the citizen of a conversation they hold. */
export class ReplyToConversationCommand {
  readonly conversationId: string;
  readonly text: string | null;
  readonly templateKey: string | null;
  readonly idempotencyKey: string | null;
  readonly actor: Actor;

  constructor(p: ReplyToConversationParams) {
    this.conversationId = p.conversationId;
    this.text = p.text ?? null;
    this.templateKey = p.templateKey ?? null;
    this.idempotencyKey = p.idempotencyKey ?? null;
    this.actor = p.actor;
  }
}

export interface ReplyToConversationResult {
  readonly conversationId: string;
  readonly messageId: string;
  /** The approved template it goes as, when not free text. */
  readonly templateName: string | null;
  /** True when the idempotency key was used before: nothing new was queued. */
  readonly replayed: boolean;
}
