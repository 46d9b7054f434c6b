import { DomainException } from '../../shared';

/** Every expected way a channel operation can fail. */
export enum ChannelErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  /** The (platform, account id) pair is already in the registry. */
  ACCOUNT_EXISTS = 'ACCOUNT_EXISTS',
  /** Someone changed the row since the client read it (optimistic locking). */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** Releasing a conversation someone else holds (only its holder or a supervisor may). */
  NOT_YOUR_CLAIM = 'NOT_YOUR_CLAIM',
  /** Free text outside WhatsApp's 24-hour customer-service window: only an approved template may go. */
  WINDOW_CLOSED = 'WINDOW_CLOSED',
  /** The conversation is linked to another ticket already. */
  ALREADY_LINKED = 'ALREADY_LINKED',
  /** No ticket with that id. */
  TICKET_NOT_FOUND = 'TICKET_NOT_FOUND',
}

/**
 * The one exception of the channel domain; the API edge maps its code.
 *
 * @example
 * throw ChannelException.notFound('official account', id);
 */
export class ChannelException extends DomainException<ChannelErrorCode> {
  static notFound(what: 'official account' | 'conversation', id: string): ChannelException {
    return new ChannelException(ChannelErrorCode.NOT_FOUND, `No ${what} ${id}`, { id });
  }

  static invalidInput(problems: string[]): ChannelException {
    return new ChannelException(ChannelErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }

  static accountExists(platform: string, accountId: string): ChannelException {
    return new ChannelException(ChannelErrorCode.ACCOUNT_EXISTS, `${platform} account ${accountId} is already registered`, { platform, accountId });
  }

  static notYourClaim(id: string, claimedBy: string | null): ChannelException {
    return new ChannelException(ChannelErrorCode.NOT_YOUR_CLAIM, `Conversation ${id} is not claimed by you`, { id, claimedBy });
  }

  static windowClosed(id: string, lastInboundAt: Date | null, closedAt: Date | null, templates: string[]): ChannelException {
    return new ChannelException(
      ChannelErrorCode.WINDOW_CLOSED,
      `Conversation ${id} is outside WhatsApp's 24-hour window${closedAt ? ` (closed at ${closedAt.toISOString()})` : ''}: send an approved template`,
      { id, lastInboundAt, closedAt, templates },
    );
  }

  static alreadyLinked(id: string, ticketId: string): ChannelException {
    return new ChannelException(ChannelErrorCode.ALREADY_LINKED, `Conversation ${id} is linked to ticket ${ticketId} already`, { id, ticketId });
  }

  static ticketNotFound(ticketId: string): ChannelException {
    return new ChannelException(ChannelErrorCode.TICKET_NOT_FOUND, `No ticket ${ticketId}`, { ticketId });
  }

  static templateVersionConflict(ref: string, expected: number, actual: number): ChannelException {
    return new ChannelException(ChannelErrorCode.VERSION_CONFLICT, `Template ${ref} changed (version ${actual}, you had ${expected}): reload and retry`, { id: ref, expected, actual });
  }

  static versionConflict(id: string, expected: number, actual: number): ChannelException {
    return new ChannelException(ChannelErrorCode.VERSION_CONFLICT, `Official account ${id} changed (version ${actual}, you had ${expected}): reload and retry`, { id, expected, actual });
  }
}
