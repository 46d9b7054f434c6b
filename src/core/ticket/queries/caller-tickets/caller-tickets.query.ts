import type { TicketState } from '../../lifecycle';
import type { TicketKind } from '../../domain/ticket.enums';

/** One earlier ticket of a caller, as a call taker sees it during the call. */
export interface CallerTicket {
  readonly id: string;
  readonly number: string;
  readonly state: TicketState;
  readonly kind: TicketKind;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly reportedAt: Date;
}

export interface CallerTickets {
  /** Newest report first, at most `limit`. */
  readonly tickets: readonly CallerTicket[];
  /** Every ticket reported from this number. */
  readonly total: number;
}

/**
 * The tickets reported from one phone number (E.164, as the intake stores
 * it), newest first. For the caller lookup of another domain.
 *
 * @example
 * const { tickets, total } = await queryBus.execute(new CallerTicketsQuery('+6281234567890', 50));
 */
export class CallerTicketsQuery {
  constructor(
    readonly phone: string,
    readonly limit: number,
  ) {}
}
