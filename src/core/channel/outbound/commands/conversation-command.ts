import type { Actor } from '../../../actor';
import { ChannelPlatform, ConversationState } from '../../domain/channel.enums';
import { ChannelException } from '../../domain/channel.exception';
import { TicketErrorCode, TicketException } from '../../../ticket';
import type { LockedConversation } from '../application/conversation-outbound.store';

/**
 * Only the call taker holding a conversation answers it: the claim is what
 * keeps two call takers from answering one citizen twice.
 */
export function heldBy(c: LockedConversation | null, conversationId: string, actor: Actor): LockedConversation {
  if (!c) throw ChannelException.notFound('conversation', conversationId);
  if (c.state !== ConversationState.CLAIMED || c.claimedBy !== actor.userId) throw ChannelException.notYourClaim(conversationId, c.claimedBy);
  return c;
}

/** The ticket's social platform for a channel platform (Messenger is Facebook there). */
export const SOCIAL_PLATFORM: Readonly<Record<ChannelPlatform, 'WHATSAPP' | 'FACEBOOK' | 'INSTAGRAM' | 'TELEGRAM'>> = {
  [ChannelPlatform.WHATSAPP]: 'WHATSAPP',
  [ChannelPlatform.MESSENGER]: 'FACEBOOK',
  [ChannelPlatform.INSTAGRAM]: 'INSTAGRAM',
  [ChannelPlatform.TELEGRAM]: 'TELEGRAM',
};

/** A WhatsApp handle is the citizen's phone number (wa_id: digits with the country code). */
export function reporterPhone(c: LockedConversation): string | null {
  return c.platform === ChannelPlatform.WHATSAPP && /^\d{6,15}$/.test(c.senderHandle) ? `+${c.senderHandle}` : null;
}

/** A ticket creation the ticket domain refused, as the channel's typed failure. */
export function fromTicketFailure(error: unknown): never {
  if (error instanceof TicketException && (error.code === TicketErrorCode.INVALID_INPUT || error.code === TicketErrorCode.IDEMPOTENCY_KEY_REUSED)) {
    const problems = Array.isArray(error.details.problems) ? (error.details.problems as string[]) : [error.message];
    throw ChannelException.invalidInput(problems);
  }
  throw error;
}

/**
 * When the citizen wrote, as the ticket's reportedAt, if the platform's
 * clock is believable (not ahead of ours, not older than intake accepts);
 * otherwise null, and the ticket takes the time of creation.
 */
export function plausibleReportTime(sentAt: Date | null, now: Date): Date | null {
  if (!sentAt) return null;
  const age = now.getTime() - sentAt.getTime();
  return age >= 0 && age < 29 * 24 * 60 * 60 * 1000 ? sentAt : null;
}
