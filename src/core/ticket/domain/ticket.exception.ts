import { DomainException } from '../../shared';
import type { TicketCommand, TicketState } from '../lifecycle';

/** Every expected way a ticket command can fail. */
export enum TicketErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  /** The lifecycle does not allow this command in this state, or a guard refused it. */
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  /** The ticket changed since the client read it (optimistic locking). */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** Input that passes the schema but not the domain rules. */
  INVALID_INPUT = 'INVALID_INPUT',
  /** The idempotency key was used before for a different request. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

export interface IllegalTransitionDetails {
  from: TicketState;
  command: TicketCommand;
  reason: 'NOT_ALLOWED' | 'GUARD_FAILED' | 'MISSING_INPUT';
  detail: string;
  allowed: TicketCommand[];
}

/**
 * The one exception of the ticket domain. Handlers throw it; the GraphQL edge
 * turns it into a typed result the client can branch on.
 *
 * @example
 * throw TicketException.versionConflict(ticketId, 7);
 */
export class TicketException extends DomainException<TicketErrorCode> {

  static notFound(ref: string): TicketException {
    return new TicketException(TicketErrorCode.NOT_FOUND, `No ticket ${ref}`, { ref });
  }

  static illegalTransition(details: IllegalTransitionDetails): TicketException {
    return new TicketException(
      TicketErrorCode.ILLEGAL_TRANSITION,
      `${details.command} is not possible in state ${details.from}: ${details.detail}`,
      { ...details },
    );
  }

  static versionConflict(ticketId: string, currentVersion: number): TicketException {
    return new TicketException(
      TicketErrorCode.VERSION_CONFLICT,
      `Ticket ${ticketId} was changed by someone else (now version ${currentVersion}); reload and retry`,
      { ticketId, currentVersion },
    );
  }

  static invalidInput(problems: string[]): TicketException {
    return new TicketException(TicketErrorCode.INVALID_INPUT, problems.join('; '), { problems });
  }

  static idempotencyKeyReused(key: string): TicketException {
    return new TicketException(
      TicketErrorCode.IDEMPOTENCY_KEY_REUSED,
      `Idempotency key ${key} was already used for a different report`,
      { key },
    );
  }
}
