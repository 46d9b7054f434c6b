import { formatDateTime } from '../../format/wita';
import type { InboxConversationFragment } from '../../gql/graphql';

/** A typed result of the channel mutations, as far as telling it to a person needs. */
export interface ChannelResult {
  readonly __typename?: string;
  readonly claimedBy?: string | null;
  readonly lastInboundAt?: string | null;
  readonly problems?: readonly string[];
  readonly message?: string;
}

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The sentence for a refusal the API answers as a typed result (never an error): who holds the
 * conversation, when the citizen last wrote, which inputs are wrong. Null for a success.
 */
export function refusalText(t: T, result: ChannelResult | null | undefined, language: string, answering = false): string | null {
  switch (result?.__typename) {
    case undefined:
      return null;
    case 'ConversationAlreadyClaimed':
      return t('inbox.result.ConversationAlreadyClaimed', { claimedBy: result.claimedBy ?? '?' });
    case 'ConversationNotHeld':
      return result.claimedBy ? t('inbox.result.ConversationNotHeld', { claimedBy: result.claimedBy }) : t('inbox.result.ConversationNotHeldNobody');
    case 'CustomerWindowClosed':
      return t(answering ? 'inbox.result.CustomerWindowClosedAnswer' : 'inbox.result.CustomerWindowClosed', { last: formatDateTime(result.lastInboundAt, language) });
    case 'InvalidChannelInput':
      return t('inbox.result.InvalidChannelInput', { problems: (result.problems?.length ? result.problems : [result.message ?? '']).join(' · ') });
    case 'TicketNumberNotFound':
      return t('inbox.result.TicketNumberNotFound', { number: result.message ?? '' });
    case 'ConversationClosed':
    case 'ConversationNotFound':
    case 'ConversationAlreadyLinked':
    case 'ChannelTicketNotFound':
      return t(`inbox.result.${result.__typename}`);
    default:
      return null;
  }
}

/** The citizen as the session may see them: name and handle, or "withheld" (auditors, anonymous reports). */
export function senderLabel(t: (key: string) => string, c: InboxConversationFragment): string {
  if (!c.sender.identityVisible) return t('inbox.withheld');
  return [c.sender.name, c.sender.handle].filter(Boolean).join(' · ') || '—';
}
